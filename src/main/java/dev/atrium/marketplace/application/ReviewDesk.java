package dev.atrium.marketplace.application;

import dev.atrium.marketplace.ContractEnded;
import dev.atrium.marketplace.ReviewModerated;
import dev.atrium.marketplace.ReviewPublished;
import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.PrivateFeedback;
import dev.atrium.marketplace.domain.PrivateFeedbackScore;
import dev.atrium.marketplace.domain.Profile;
import dev.atrium.marketplace.domain.Review;
import dev.atrium.marketplace.domain.ReviewCriterion;
import dev.atrium.marketplace.domain.ReviewWindow;
import dev.atrium.platform.audit.TenantAuditLog;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reviews after a contract: its parties review each other within a window that opens when it ends; reviews are sealed
 * until both have written or the window ends ({@link ReviewWindowEnd}), then published together, counted in the
 * reviewed party's reputation once, and announced to them. The reviewed party replies once; the tenant's admins hide
 * a review that breaks the rules (recorded in the tenant's audit log) and show it again.
 */
@ApplicationScoped
public class ReviewDesk {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceAccess access;

    @Inject
    ReviewNotifications notifications;

    @Inject
    Jobs jobs;

    @Inject
    TenantAuditLog audit;

    @Inject
    Event<ReviewPublished> published;

    @Inject
    Event<ReviewModerated> moderated;

    @Inject
    Now clock;

    /**
     * Opens the contract's review window, in the transaction that ended it. Only a completed contract, one in which
     * money was released, is reviewed: a review then speaks of work that was delivered and paid for, and nobody can
     * collect ratings (or hand out revenge) through contracts where nothing changed hands.
     */
    void contractEnded(@Observes ContractEnded ended) {
        if (!ended.completed() || em.find(ReviewWindow.class, ended.contractId()) != null) {
            return;
        }
        ReviewWindow window =
                ReviewWindow.open(ended.contractId(), ended.clientId(), ended.professionalId(), ended.title(), now());
        em.persist(window);
        ReviewWindowEnd.schedule(jobs, window);
    }

    /** A party reviews the other: sealed, and published with the other's at once if theirs is the second. */
    @TenantTransactional
    public ReviewViews.ReviewView write(
            UUID contractId,
            int overall,
            Map<ReviewCriterion, Integer> criteria,
            String text,
            PrivateFeedback feedback) {
        Membership caller = access.caller();
        ReviewWindow window = access.reviewWindow(contractId);
        List<Review> written = new ArrayList<>(reviewsOf(contractId));
        if (written.stream().anyMatch(review -> review.authorId().equals(caller.memberId()))) {
            throw new ConflictException(
                    "already-reviewed", "Already reviewed", "You have reviewed this contract already.");
        }
        Review review = Review.write(window, caller.memberId(), overall, criteria, text, feedback, now());
        em.persist(review);
        written.add(review);
        if (written.size() == 2) {
            // Both parties have written: neither can be swayed by the other's review any more.
            publish(window, written);
        }
        em.flush();
        return ReviewViews.ReviewView.of(review);
    }

    /** Publishes a window's reviews, all at once, exactly once: its second review was written, or it ended. */
    void publish(ReviewWindow window, List<Review> reviews) {
        OffsetDateTime now = now();
        if (!window.publish(now)) {
            return;
        }
        for (Review review : reviews) {
            if (!review.publish(now)) {
                continue;
            }
            count(review, true, now);
            published.fire(new ReviewPublished(
                    review.id(),
                    review.contractId(),
                    review.authorId(),
                    review.subjectId(),
                    review.reviewed() == Contract.Party.PROFESSIONAL,
                    review.overall()));
            notifications.published(review);
        }
    }

    /**
     * Counts a review in the reviewed professional's reputation, or takes it out: its overall rating in their profile
     * facts (if they have a profile) and the client's private feedback in their private score. A client's rating is
     * read from their reviews whole ({@link ReviewTallies}); they keep no profile.
     */
    private void count(Review review, boolean counted, OffsetDateTime now) {
        if (review.reviewed() != Contract.Party.PROFESSIONAL) {
            return;
        }
        Profile profile = em.find(Profile.class, review.subjectId(), LockModeType.PESSIMISTIC_WRITE);
        if (profile != null && review.countOnProfile(counted)) {
            if (counted) {
                profile.rated(review.overall());
            } else {
                profile.unrated(review.overall());
            }
        }
        review.privateFeedback().ifPresent(feedback -> {
            PrivateFeedbackScore score = privateScore(review.subjectId(), now);
            if (counted) {
                score.add(feedback, now);
            } else {
                score.withdraw(feedback, now);
            }
        });
    }

    /** The professional's private score, locked; made on first use (two publications at once make it once). */
    private PrivateFeedbackScore privateScore(UUID professionalId, OffsetDateTime now) {
        NativeQueries.execute(
                em,
                "insert into marketplace_private_feedback_score (member_id, updated_at) values (?1, ?2)"
                        + " on conflict (member_id) do nothing",
                professionalId,
                now);
        return em.find(PrivateFeedbackScore.class, professionalId, LockModeType.PESSIMISTIC_WRITE);
    }

    List<Review> reviewsOf(UUID contractId) {
        return em.createQuery(
                        "select r from MarketplaceReview r where r.contractId = :contract order by r.writtenAt",
                        Review.class)
                .setParameter("contract", contractId)
                .getResultList();
    }

    /** One review, as the caller may see it. */
    @TenantTransactional
    public ReviewViews.ReviewView get(UUID reviewId) {
        return ReviewViews.ReviewView.of(access.review(reviewId, false));
    }

    /**
     * The published reviews of a member, newest first, of either side or the one given ({@code reviewed}); the
     * tenant's admins see the hidden ones too, marked.
     */
    @TenantTransactional
    public Page<ReviewViews.ReviewView> about(UUID memberId, Contract.Party reviewed, PageRequest page) {
        Membership caller = access.caller();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("member", memberId);
        String where = " where r.subjectId = :member and r.publishedAt is not null";
        if (!MarketplaceAccess.isAdmin(caller)) {
            where += " and r.hiddenAt is null";
        }
        if (reviewed != null) {
            where += " and r.authorPart = :author";
            parameters.put(
                    "author", reviewed == Contract.Party.CLIENT ? Contract.Party.PROFESSIONAL : Contract.Party.CLIENT);
        }
        return JpaPages.page(
                        em, Review.class, "MarketplaceReview r", where, "r.publishedAt desc, r.id", parameters, page)
                .map(ReviewViews.ReviewView::of);
    }

    /** A member's reputation from reviews: as a professional (with the clients' private score) and as a client. */
    @TenantTransactional
    public ReviewViews.ReviewSummary summary(UUID memberId) {
        access.caller();
        Map<Contract.Party, ReviewViews.Ratings> ratings = ReviewTallies.of(em, memberId);
        PrivateFeedbackScore score = em.find(PrivateFeedbackScore.class, memberId);
        return new ReviewViews.ReviewSummary(
                memberId,
                ratings.get(Contract.Party.PROFESSIONAL),
                score == null
                        ? null
                        : score.summary().map(ReviewViews.ClientFeedback::of).orElse(null),
                ratings.get(Contract.Party.CLIENT));
    }

    /** The reviews the caller still owes: open windows of their contracts they have not written in, closing first. */
    @TenantTransactional
    public Page<ReviewViews.PendingReview> pending(PageRequest page) {
        Membership caller = access.caller();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", caller.memberId());
        parameters.put("now", now());
        String where = " where (w.clientId = :me or w.professionalId = :me) and w.publishedAt is null"
                + " and w.closesAt > :now and not exists (select r.id from MarketplaceReview r"
                + " where r.contractId = w.contractId and r.authorId = :me)";
        return JpaPages.page(
                        em, ReviewWindow.class, "ReviewWindow w", where, "w.closesAt, w.contractId", parameters, page)
                .map(window -> ReviewViews.PendingReview.of(
                        window, window.partyOf(caller.memberId()).orElseThrow()));
    }

    /** The reviewed party answers a published review, once. */
    @TenantTransactional
    public ReviewViews.ReviewView reply(UUID reviewId, String text) {
        Review review = access.review(reviewId, true);
        review.reply(access.caller().memberId(), text, now());
        em.flush();
        return ReviewViews.ReviewView.of(review);
    }

    /** An admin hides a review that breaks the rules: it leaves every list and the ratings; recorded with why. */
    @TenantTransactional
    public ReviewViews.ReviewView hide(UUID reviewId, String reason) {
        Review review = access.reviewToModerate(reviewId);
        OffsetDateTime now = now();
        review.hide(access.caller().memberId(), reason, now);
        count(review, false, now);
        audit.record("marketplace.review-hide", target(review), review.hiddenReason());
        moderated(review, true);
        em.flush();
        return ReviewViews.ReviewView.of(review);
    }

    /** An admin shows a hidden review again: it counts again. */
    @TenantTransactional
    public ReviewViews.ReviewView unhide(UUID reviewId, String note) {
        Review review = access.reviewToModerate(reviewId);
        review.unhide();
        count(review, true, now());
        audit.record("marketplace.review-unhide", target(review), note);
        moderated(review, false);
        em.flush();
        return ReviewViews.ReviewView.of(review);
    }

    private void moderated(Review review, boolean hidden) {
        moderated.fire(new ReviewModerated(
                review.id(),
                review.subjectId(),
                review.reviewed() == Contract.Party.PROFESSIONAL,
                review.overall(),
                hidden));
    }

    /**
     * The moment, to the microsecond PostgreSQL keeps: the answer to the write that published both reviews shows the
     * same publication moment as every later read of either.
     */
    private OffsetDateTime now() {
        return clock.dateTime().truncatedTo(ChronoUnit.MICROS);
    }

    private static String target(Review review) {
        return "review " + review.id() + " of " + review.subjectId() + " on contract " + review.contractId();
    }
}
