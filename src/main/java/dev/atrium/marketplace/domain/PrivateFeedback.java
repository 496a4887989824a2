package dev.atrium.marketplace.domain;

/**
 * What a client tells the marketplace, not the professional, about working with them: a score of 1 to 10 and whether
 * they would hire them again. It is never shown with the review; it only feeds the professional's score (see
 * {@link PrivateFeedbackScore}), so a client can be candid without a public quarrel.
 */
public record PrivateFeedback(int score, boolean wouldHireAgain) {

    public static final int MAX_SCORE = 10;

    public PrivateFeedback {
        if (score < 1 || score > MAX_SCORE) {
            throw Review.invalid("privateFeedback.score", "must be between 1 and " + MAX_SCORE);
        }
    }
}
