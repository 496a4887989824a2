package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.PrivateFeedbackScore;
import dev.atrium.marketplace.domain.Review;
import dev.atrium.marketplace.domain.ReviewCriterion;
import dev.atrium.marketplace.domain.ReviewWindow;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the API answers about reviews (spelled as {@link Views} spells the rest). No view carries a client's private
 * feedback: only {@link ClientFeedback}, the professional's totals in batches, which no one answer can be read from.
 */
public final class ReviewViews {

    private ReviewViews() {}

    /** @param hidden who hid it, when and why: for the tenant's admins, on a hidden review */
    public record ReviewView(
            UUID id,
            UUID contractId,
            String contractTitle,
            UUID authorId,
            UUID subjectId,
            String reviewed,
            int overall,
            Map<String, Integer> ratings,
            String text,
            String status,
            OffsetDateTime writtenAt,
            OffsetDateTime publishedAt,
            ReplyView reply,
            HidingView hidden,
            long version) {

        static ReviewView of(Review review) {
            Map<String, Integer> ratings = new LinkedHashMap<>();
            review.ratings().forEach((criterion, rating) -> ratings.put(Views.idOf(criterion), rating));
            return new ReviewView(
                    review.id(),
                    review.contractId(),
                    review.contractTitle(),
                    review.authorId(),
                    review.subjectId(),
                    Views.idOf(review.reviewed()),
                    review.overall(),
                    ratings,
                    review.text(),
                    Views.idOf(review.status()),
                    review.writtenAt(),
                    review.publishedAt(),
                    review.reply() == null ? null : new ReplyView(review.reply(), review.repliedAt()),
                    review.hiddenAt() == null
                            ? null
                            : new HidingView(review.hiddenBy(), review.hiddenAt(), review.hiddenReason()),
                    review.version());
        }
    }

    public record ReplyView(String text, OffsetDateTime at) {}

    public record HidingView(UUID by, OffsetDateTime at, String reason) {}

    /**
     * A review the caller still owes: the contract, whom they review (as which side) and on what, and until when.
     *
     * @param reviewOf the other party's member id
     * @param reviewed the side they review: {@code professional} or {@code client}
     * @param privateFeedback whether the review asks for private feedback too (the client's, of the professional)
     */
    public record PendingReview(
            UUID contractId,
            String contractTitle,
            UUID reviewOf,
            String reviewed,
            List<String> criteria,
            boolean privateFeedback,
            OffsetDateTime closesAt) {

        static PendingReview of(ReviewWindow window, Contract.Party part) {
            Contract.Party reviewed =
                    part == Contract.Party.CLIENT ? Contract.Party.PROFESSIONAL : Contract.Party.CLIENT;
            return new PendingReview(
                    window.contractId(),
                    window.contractTitle(),
                    window.otherParty(part),
                    Views.idOf(reviewed),
                    ReviewCriterion.rating(reviewed).stream().map(Views::idOf).toList(),
                    part == Contract.Party.CLIENT,
                    window.closesAt());
        }
    }

    /** The published, shown reviews of a member on one side of their contracts. */
    public record Ratings(long count, Double averageOverall, Map<String, Double> criteria) {}

    /**
     * What clients privately said of a professional, as totals that move in batches.
     *
     * @param answers how many answers the figures stand for
     * @param averageScore their mean score, 1 to 10
     * @param wouldHireAgainRate the share who would hire them again
     */
    public record ClientFeedback(int answers, double averageScore, double wouldHireAgainRate) {

        static ClientFeedback of(PrivateFeedbackScore.Summary summary) {
            return new ClientFeedback(summary.answers(), summary.averageScore(), summary.wouldHireAgainRate());
        }
    }

    /** A member's reputation from reviews: as a professional (with clients' private feedback) and as a client. */
    public record ReviewSummary(
            UUID memberId, Ratings asProfessional, ClientFeedback clientFeedback, Ratings asClient) {}
}
