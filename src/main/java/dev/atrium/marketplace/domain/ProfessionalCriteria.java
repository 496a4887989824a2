package dev.atrium.marketplace.domain;

import java.util.Set;
import java.util.UUID;

/**
 * What a client looks for in professionals: words, a category (of any of their skills), any of some skills, an
 * hourly-rate range in one currency, a time zone, a place (part of their location), a lowest average rating, their
 * availability. A {@code null} part does not filter. {@code publicOnly}: only the profiles their professionals show on
 * the tenant's public site.
 */
public record ProfessionalCriteria(
        String query,
        UUID categoryId,
        Set<UUID> skillIds,
        String currency,
        Long rateMin,
        Long rateMax,
        String timeZone,
        String location,
        Double minRating,
        Availability availability,
        boolean publicOnly) {

    public ProfessionalCriteria {
        skillIds = skillIds == null ? Set.of() : Set.copyOf(skillIds);
        query = query == null || query.isBlank() ? null : query.strip();
        if ((rateMin != null || rateMax != null) && currency == null) {
            throw new dev.atrium.platform.errors.InvalidParameterException(
                    "currency", "a rate range names its currency");
        }
    }
}
