package dev.atrium.marketplace.api;

import dev.atrium.marketplace.domain.PrivateFeedback;
import dev.atrium.marketplace.domain.Review;
import dev.atrium.marketplace.domain.ReviewCriterion;
import dev.atrium.platform.api.EnumIds;
import dev.atrium.platform.api.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the reviews API (criteria spelled as in responses: {@code quality}, {@code payment_promptness}). */
public final class ReviewRequests {

    private ReviewRequests() {}

    /**
     * A review of the other party of an ended contract. @param ratings 1 to 5 for each criterion of the reviewed side
     * (a professional: quality, communication, expertise, deadlines, value; a client: clarity, communication,
     * payment_promptness) @param privateFeedback the client's, never shown: required of the client, refused from the
     * professional
     */
    public record ReviewBody(
            @NotNull UUID contractId,
            @NotNull @Min(1) @Max(5) Integer overall,

            @NotNull @Size(min = 1, max = 10)
            Map<@NotNull @OneOf(ReviewCriterion.class) String, @NotNull @Min(1) @Max(5) Integer> ratings,

            @NotBlank @Size(max = Review.MAX_TEXT) String text,
            @Valid PrivateFeedbackBody privateFeedback) {

        Map<ReviewCriterion, Integer> criteria() {
            Map<ReviewCriterion, Integer> criteria = new EnumMap<>(ReviewCriterion.class);
            ratings.forEach(
                    (id, rating) -> criteria.put(EnumIds.fromId(ReviewCriterion.class, id, "criterion"), rating));
            return criteria;
        }

        PrivateFeedback feedback() {
            return privateFeedback == null
                    ? null
                    : new PrivateFeedback(privateFeedback.score(), privateFeedback.wouldHireAgain());
        }
    }

    /** @param score 1 to 10 @param wouldHireAgain whether the client would hire the professional again */
    public record PrivateFeedbackBody(
            @NotNull @Min(1) @Max(PrivateFeedback.MAX_SCORE) Integer score,
            @NotNull Boolean wouldHireAgain) {}

    public record Reply(
            @NotBlank @Size(max = Review.MAX_TEXT) String text) {}

    /** Why a review is hidden: which rule it breaks. */
    public record Hiding(@NotBlank @Size(max = 2000) String reason) {}

    public record Unhiding(@Size(max = 2000) String note) {}
}
