package dev.atrium.marketplace.domain.matching;

import dev.atrium.platform.similarity.TextVector;
import java.util.Set;
import java.util.UUID;

/**
 * What a professional offers, as the matcher reads it.
 *
 * @param text the headline, the bio, then the portfolio items' titles
 * @param hourlyRateMinor the hourly rate in minor units of {@code currency}, or null if not given
 * @param completedContracts contracts completed on the marketplace, which is how much the rating can be trusted
 * @param averageRating the mean review, 1 to 5, or null before the first review
 * @param onTimeRate the share of milestones delivered on time, 0 to 1, or null before the first
 * @param vector the text's embedding, or null while it has not been embedded
 */
public record ProfessionalTraits(
        UUID id,
        String text,
        Set<String> categories,
        Set<String> skills,
        Long hourlyRateMinor,
        String currency,
        int completedContracts,
        Double averageRating,
        Double onTimeRate,
        boolean available,
        TextVector vector) {

    public ProfessionalTraits {
        if (id == null) {
            throw new IllegalArgumentException("A professional needs an id");
        }
        text = text == null ? "" : text;
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        Traits.checkAmount(hourlyRateMinor, "hourly rate");
        currency = Traits.currency(currency, hourlyRateMinor != null);
        if (completedContracts < 0) {
            throw new IllegalArgumentException("Completed contracts cannot be negative");
        }
        if (averageRating != null && (averageRating < 1 || averageRating > 5)) {
            throw new IllegalArgumentException("An average rating is between 1 and 5, not " + averageRating);
        }
        if (onTimeRate != null && (onTimeRate < 0 || onTimeRate > 1)) {
            throw new IllegalArgumentException("An on-time rate is between 0 and 1, not " + onTimeRate);
        }
    }

    /** The same professional with their text's embedding. */
    public ProfessionalTraits withVector(TextVector embedding) {
        return new ProfessionalTraits(
                id,
                text,
                categories,
                skills,
                hourlyRateMinor,
                currency,
                completedContracts,
                averageRating,
                onTimeRate,
                available,
                embedding);
    }
}
