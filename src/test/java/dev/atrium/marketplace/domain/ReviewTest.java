package dev.atrium.marketplace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.InvalidRequestException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReviewTest {

    private static final OffsetDateTime ENDED = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    private final UUID client = UUID.randomUUID();
    private final UUID professional = UUID.randomUUID();
    private final ReviewWindow window =
            ReviewWindow.open(UUID.randomUUID(), client, professional, "School shop", ENDED);

    private static Map<ReviewCriterion, Integer> all(Contract.Party reviewed, int rating) {
        Map<ReviewCriterion, Integer> ratings = new EnumMap<>(ReviewCriterion.class);
        ReviewCriterion.rating(reviewed).forEach(criterion -> ratings.put(criterion, rating));
        return ratings;
    }

    private Review byClient(int overall) {
        return Review.write(
                window,
                client,
                overall,
                all(Contract.Party.PROFESSIONAL, 4),
                "Delivered a fine shop.",
                new PrivateFeedback(8, true),
                ENDED.plusDays(1));
    }

    @Test
    void eachSideIsRatedOnItsOwnCriteriaWithCommunicationAskedOfBoth() {
        assertEquals(
                List.of(
                        ReviewCriterion.QUALITY,
                        ReviewCriterion.COMMUNICATION,
                        ReviewCriterion.EXPERTISE,
                        ReviewCriterion.DEADLINES,
                        ReviewCriterion.VALUE),
                List.copyOf(ReviewCriterion.rating(Contract.Party.PROFESSIONAL)));
        assertEquals(
                List.of(ReviewCriterion.COMMUNICATION, ReviewCriterion.CLARITY, ReviewCriterion.PAYMENT_PROMPTNESS),
                List.copyOf(ReviewCriterion.rating(Contract.Party.CLIENT)));

        Review ofClient = Review.write(
                window, professional, 5, all(Contract.Party.CLIENT, 5), "Clear and quick to pay.", null, ENDED);
        assertEquals(client, ofClient.subjectId());
        assertEquals(Contract.Party.CLIENT, ofClient.reviewed());
        assertEquals(all(Contract.Party.CLIENT, 5), ofClient.ratings());
        assertTrue(ofClient.privateFeedback().isEmpty());

        Review ofProfessional = byClient(4);
        assertEquals(professional, ofProfessional.subjectId());
        assertEquals(all(Contract.Party.PROFESSIONAL, 4), ofProfessional.ratings());
        assertEquals(
                new PrivateFeedback(8, true), ofProfessional.privateFeedback().orElseThrow());
    }

    @Test
    void ratingsOutsideOneToFiveAndMissingOrForeignCriteriaAreRefused() {
        assertThrows(InvalidRequestException.class, () -> byClient(0));
        assertThrows(InvalidRequestException.class, () -> byClient(6));
        Map<ReviewCriterion, Integer> six = all(Contract.Party.PROFESSIONAL, 4);
        six.put(ReviewCriterion.QUALITY, 6);
        assertThrows(
                InvalidRequestException.class,
                () -> Review.write(window, client, 4, six, "t", new PrivateFeedback(8, true), ENDED));
        Map<ReviewCriterion, Integer> missing = all(Contract.Party.PROFESSIONAL, 4);
        missing.remove(ReviewCriterion.VALUE);
        assertThrows(
                InvalidRequestException.class,
                () -> Review.write(window, client, 4, missing, "t", new PrivateFeedback(8, true), ENDED));
        Map<ReviewCriterion, Integer> foreign = all(Contract.Party.PROFESSIONAL, 4);
        foreign.put(ReviewCriterion.CLARITY, 4);
        assertThrows(
                InvalidRequestException.class,
                () -> Review.write(window, client, 4, foreign, "t", new PrivateFeedback(8, true), ENDED));
        assertThrows(
                InvalidRequestException.class,
                () -> Review.write(
                        window,
                        client,
                        4,
                        all(Contract.Party.PROFESSIONAL, 4),
                        "  ",
                        new PrivateFeedback(8, true),
                        ENDED));
    }

    @Test
    void privateFeedbackIsTheClientsAndOnlyTheirs() {
        assertThrows(
                InvalidRequestException.class,
                () -> Review.write(window, client, 4, all(Contract.Party.PROFESSIONAL, 4), "t", null, ENDED),
                "required of the client");
        assertThrows(
                InvalidRequestException.class,
                () -> Review.write(
                        window,
                        professional,
                        4,
                        all(Contract.Party.CLIENT, 4),
                        "t",
                        new PrivateFeedback(3, false),
                        ENDED),
                "refused from the professional");
        assertThrows(InvalidRequestException.class, () -> new PrivateFeedback(0, true));
        assertThrows(InvalidRequestException.class, () -> new PrivateFeedback(11, true));
    }

    @Test
    void onlyThePartiesWriteAndOnlyWithinTheFourteenDays() {
        assertThrows(
                ForbiddenException.class,
                () -> Review.write(
                        window,
                        UUID.randomUUID(),
                        4,
                        all(Contract.Party.PROFESSIONAL, 4),
                        "t",
                        new PrivateFeedback(8, true),
                        ENDED));
        assertEquals(ENDED.plusDays(14), window.closesAt());
        assertFalse(window.ended(ENDED.plusDays(14).minusSeconds(1)));
        ConflictException late = assertThrows(
                ConflictException.class,
                () -> Review.write(
                        window,
                        client,
                        4,
                        all(Contract.Party.PROFESSIONAL, 4),
                        "t",
                        new PrivateFeedback(8, true),
                        ENDED.plusDays(14)));
        assertEquals("review-window-closed", late.typeSlug());
    }

    @Test
    void aWindowPublishesOnceAndTakesNoReviewAfterwards() {
        assertTrue(window.publish(ENDED.plusDays(2)));
        assertFalse(window.publish(ENDED.plusDays(3)), "published once");
        assertThrows(ConflictException.class, () -> byClient(4));
    }

    @Test
    void aReviewIsSealedUntilPublishedAndPublishedOnce() {
        Review review = byClient(4);
        assertEquals(Review.Status.SEALED, review.status());
        assertFalse(review.counts());
        assertTrue(review.publish(ENDED.plusDays(2)));
        assertFalse(review.publish(ENDED.plusDays(3)));
        assertEquals(ENDED.plusDays(2), review.publishedAt());
        assertEquals(Review.Status.PUBLISHED, review.status());
        assertTrue(review.counts());
    }

    @Test
    void onlyTheReviewedPartyRepliesOnceToAPublishedReview() {
        Review review = byClient(4);
        assertThrows(ConflictException.class, () -> review.reply(professional, "Thanks", ENDED), "sealed");
        review.publish(ENDED);
        assertThrows(ForbiddenException.class, () -> review.reply(client, "Me again", ENDED));
        assertThrows(InvalidRequestException.class, () -> review.reply(professional, " ", ENDED));
        review.reply(professional, " Thank you! ", ENDED.plusHours(1));
        assertEquals("Thank you!", review.reply());
        ConflictException twice =
                assertThrows(ConflictException.class, () -> review.reply(professional, "More", ENDED));
        assertEquals("already-replied", twice.typeSlug());
    }

    @Test
    void anAdminHidesAPublishedReviewWithAReasonAndShowsItAgain() {
        UUID admin = UUID.randomUUID();
        Review review = byClient(2);
        assertThrows(ConflictException.class, () -> review.hide(admin, "Insults", ENDED), "sealed reviews are unseen");
        review.publish(ENDED);
        assertThrows(InvalidRequestException.class, () -> review.hide(admin, "", ENDED), "a reason is required");
        review.hide(admin, "Insults the professional", ENDED.plusDays(1));
        assertEquals(Review.Status.HIDDEN, review.status());
        assertFalse(review.counts());
        assertEquals(admin, review.hiddenBy());
        assertEquals("Insults the professional", review.hiddenReason());
        assertThrows(ConflictException.class, () -> review.hide(admin, "Again", ENDED));
        assertThrows(ConflictException.class, () -> review.reply(professional, "Hm", ENDED), "hidden: no reply");

        review.unhide();
        assertEquals(Review.Status.PUBLISHED, review.status());
        assertTrue(review.counts());
        assertThrows(ConflictException.class, review::unhide);
    }

    @Test
    void aRatingIsCountedOnTheProfileOnceWhileTheReviewCountsAndTakenOutOnlyIfCounted() {
        Review review = byClient(5);
        assertFalse(review.countOnProfile(true), "a sealed review is not counted");
        review.publish(ENDED);
        assertFalse(review.countOnProfile(false), "never counted: nothing to take out");
        assertTrue(review.countOnProfile(true));
        assertFalse(review.countOnProfile(true), "counted once");
        review.hide(UUID.randomUUID(), "Spam", ENDED);
        assertTrue(review.countOnProfile(false));
        assertFalse(review.countOnProfile(false));
        assertFalse(review.countOnProfile(true), "hidden: not counted");
    }
}
