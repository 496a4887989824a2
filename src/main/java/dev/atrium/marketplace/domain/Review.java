package dev.atrium.marketplace.domain;

import dev.atrium.platform.api.EnumIds;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.persistence.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One party's review of the other after a contract ended: an overall rating and the reviewed side's criteria (1 to 5),
 * a public text and, from the client only, private feedback. Written once, within the contract's review window; sealed
 * until its window publishes it; then the reviewed party may reply once, and a tenant admin may hide it (with a
 * reason) when it breaks the rules, and show it again.
 */
@Entity(name = "MarketplaceReview")
@Table(name = "marketplace_review")
public class Review {

    public static final int MAX_TEXT = 5000;

    /** Where a review is: written and sealed (only its author sees it), published, or hidden by an admin. */
    public enum Status {
        SEALED,
        PUBLISHED,
        HIDDEN
    }

    @Id
    private UUID id;

    @Column(name = "contract_id", nullable = false, updatable = false)
    private UUID contractId;

    @Column(name = "contract_title", nullable = false, updatable = false)
    private String contractTitle;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private UUID subjectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "author_part", nullable = false, updatable = false)
    private Contract.Party authorPart;

    @Column(nullable = false, updatable = false)
    private int overall;

    @Column(updatable = false)
    private Integer quality;

    @Column(nullable = false, updatable = false)
    private int communication;

    @Column(updatable = false)
    private Integer expertise;

    @Column(updatable = false)
    private Integer deadlines;

    @Column(name = "value_for_money", updatable = false)
    private Integer valueForMoney;

    @Column(updatable = false)
    private Integer clarity;

    @Column(name = "payment_promptness", updatable = false)
    private Integer paymentPromptness;

    @Column(nullable = false, updatable = false)
    private String text;

    @Column(name = "private_score", updatable = false)
    private Integer privateScore;

    @Column(name = "would_hire_again", updatable = false)
    private Boolean wouldHireAgain;

    @Column(name = "written_at", nullable = false, updatable = false)
    private OffsetDateTime writtenAt;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    private String reply;

    @Column(name = "replied_at")
    private OffsetDateTime repliedAt;

    @Column(name = "hidden_at")
    private OffsetDateTime hiddenAt;

    @Column(name = "hidden_by")
    @Convert(converter = NullableUuid.class)
    private UUID hiddenBy;

    @Column(name = "hidden_reason")
    private String hiddenReason;

    /** Whether its overall rating is counted in the reviewed professional's profile facts now. */
    @Column(name = "counted_on_profile", nullable = false)
    private boolean countedOnProfile;

    @Version
    private long version;

    protected Review() {}

    /**
     * A party's review of the other, within the window. @param criteria a rating for each criterion of the reviewed
     * side, no other @param feedback the client's private feedback (required of the client, refused from the
     * professional)
     */
    public static Review write(
            ReviewWindow window,
            UUID authorId,
            int overall,
            Map<ReviewCriterion, Integer> criteria,
            String text,
            PrivateFeedback feedback,
            OffsetDateTime now) {
        Contract.Party part = window.partyOf(authorId)
                .orElseThrow(() -> new ForbiddenException(
                        "not-your-part", "Not your part", "Only the contract's parties review each other."));
        window.requireOpen(now);
        Contract.Party reviewed = part == Contract.Party.CLIENT ? Contract.Party.PROFESSIONAL : Contract.Party.CLIENT;
        Review review = new Review();
        review.id = UUID.randomUUID();
        review.contractId = window.contractId();
        review.contractTitle = window.contractTitle();
        review.authorId = authorId;
        review.subjectId = window.otherParty(part);
        review.authorPart = part;
        review.overall = rating("overall", overall);
        review.rate(reviewed, criteria);
        review.text = text(text, "text");
        if (part == Contract.Party.CLIENT) {
            if (feedback == null) {
                throw invalid(
                        "privateFeedback", "a client's review includes private feedback (score and wouldHireAgain)");
            }
            review.privateScore = feedback.score();
            review.wouldHireAgain = feedback.wouldHireAgain();
        } else if (feedback != null) {
            throw invalid("privateFeedback", "private feedback is given by the client, about the professional");
        }
        review.writtenAt = now;
        return review;
    }

    private void rate(Contract.Party reviewed, Map<ReviewCriterion, Integer> criteria) {
        Set<ReviewCriterion> expected = ReviewCriterion.rating(reviewed);
        Map<ReviewCriterion, Integer> given = criteria == null ? Map.of() : criteria;
        if (!given.keySet().equals(expected)) {
            throw invalid(
                    "ratings",
                    "a review of a " + EnumIds.idOf(reviewed) + " rates exactly: "
                            + expected.stream().map(EnumIds::idOf).collect(Collectors.joining(", ")));
        }
        given.forEach((criterion, value) -> {
            int rating = rating("ratings." + EnumIds.idOf(criterion), value == null ? 0 : value);
            switch (criterion) {
                case QUALITY -> quality = rating;
                case COMMUNICATION -> communication = rating;
                case EXPERTISE -> expertise = rating;
                case DEADLINES -> deadlines = rating;
                case VALUE -> valueForMoney = rating;
                case CLARITY -> clarity = rating;
                case PAYMENT_PROMPTNESS -> paymentPromptness = rating;
            }
        });
    }

    private static int rating(String field, int value) {
        if (value < 1 || value > 5) {
            throw invalid(field, "must be between 1 and 5");
        }
        return value;
    }

    private static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "must not be blank");
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_TEXT) {
            throw invalid(field, "must be at most " + MAX_TEXT + " characters");
        }
        return stripped;
    }

    /** A refused part of the review, named as the request names it. */
    static InvalidRequestException invalid(String field, String reason) {
        return new InvalidRequestException(field + " " + reason + ".");
    }

    /** Its window publishes it. @return false if it was published already */
    public boolean publish(OffsetDateTime now) {
        if (publishedAt != null) {
            return false;
        }
        publishedAt = now;
        return true;
    }

    /** The reviewed party answers it, once, once it is published (and shown). */
    public void reply(UUID memberId, String answer, OffsetDateTime now) {
        if (!subjectId.equals(memberId)) {
            throw new ForbiddenException(
                    "not-reviewed-party", "Not the reviewed party", "Only the reviewed party replies to a review.");
        }
        if (status() != Status.PUBLISHED) {
            throw new ConflictException(
                    "review-not-published", "Review not published", "Only a published review can be replied to.");
        }
        if (reply != null) {
            throw new ConflictException("already-replied", "Already replied", "A review is replied to once.");
        }
        reply = text(answer, "text");
        repliedAt = now;
    }

    /** An admin takes a published review out of view (and out of the ratings) for breaking the rules. */
    public void hide(UUID admin, String reason, OffsetDateTime now) {
        if (publishedAt == null) {
            throw new ConflictException(
                    "review-not-published", "Review not published", "Only a published review can be hidden.");
        }
        if (hiddenAt != null) {
            throw new ConflictException("review-hidden", "Review hidden", "This review is hidden already.");
        }
        hiddenReason = text(reason, "reason");
        hiddenBy = admin;
        hiddenAt = now;
    }

    /** An admin shows a hidden review again (the audit log keeps that it was hidden, by whom and why). */
    public void unhide() {
        if (hiddenAt == null) {
            throw new ConflictException("review-not-hidden", "Review not hidden", "This review is not hidden.");
        }
        hiddenAt = null;
        hiddenBy = null;
        hiddenReason = null;
    }

    /**
     * Its overall rating is counted in (or taken out of) the reviewed professional's profile: @return whether that
     * changes anything, so a rating is counted once while the review counts, and taken out only if it was counted
     */
    public boolean countOnProfile(boolean counted) {
        if (counted == countedOnProfile || (counted && !counts())) {
            return false;
        }
        countedOnProfile = counted;
        return true;
    }

    public Status status() {
        if (publishedAt == null) {
            return Status.SEALED;
        }
        return hiddenAt == null ? Status.PUBLISHED : Status.HIDDEN;
    }

    /** Published and not hidden: it counts in the reviewed party's rating. */
    public boolean counts() {
        return status() == Status.PUBLISHED;
    }

    /** The side of the contract it rates. */
    public Contract.Party reviewed() {
        return authorPart == Contract.Party.CLIENT ? Contract.Party.PROFESSIONAL : Contract.Party.CLIENT;
    }

    /** The ratings of the reviewed side's criteria, in the criteria's order. */
    public Map<ReviewCriterion, Integer> ratings() {
        Map<ReviewCriterion, Integer> ratings = new EnumMap<>(ReviewCriterion.class);
        for (ReviewCriterion criterion : ReviewCriterion.rating(reviewed())) {
            ratings.put(
                    criterion,
                    switch (criterion) {
                        case QUALITY -> quality;
                        case COMMUNICATION -> communication;
                        case EXPERTISE -> expertise;
                        case DEADLINES -> deadlines;
                        case VALUE -> valueForMoney;
                        case CLARITY -> clarity;
                        case PAYMENT_PROMPTNESS -> paymentPromptness;
                    });
        }
        return ratings;
    }

    /** The client's private feedback: for the professional's score only, never for a response. */
    public Optional<PrivateFeedback> privateFeedback() {
        return privateScore == null ? Optional.empty() : Optional.of(new PrivateFeedback(privateScore, wouldHireAgain));
    }

    public UUID id() {
        return id;
    }

    public UUID contractId() {
        return contractId;
    }

    public String contractTitle() {
        return contractTitle;
    }

    public UUID authorId() {
        return authorId;
    }

    public UUID subjectId() {
        return subjectId;
    }

    public Contract.Party authorPart() {
        return authorPart;
    }

    public int overall() {
        return overall;
    }

    public String text() {
        return text;
    }

    public OffsetDateTime writtenAt() {
        return writtenAt;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }

    public String reply() {
        return reply;
    }

    public OffsetDateTime repliedAt() {
        return repliedAt;
    }

    public OffsetDateTime hiddenAt() {
        return hiddenAt;
    }

    public UUID hiddenBy() {
        return hiddenBy;
    }

    public String hiddenReason() {
        return hiddenReason;
    }

    public long version() {
        return version;
    }
}
