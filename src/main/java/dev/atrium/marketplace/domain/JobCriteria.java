package dev.atrium.marketplace.domain;

import java.util.Set;
import java.util.UUID;

/**
 * What a professional looks for in jobs: words (PostgreSQL's web-search syntax: quoted phrases, {@code or},
 * {@code -word}), a category, any of some skills, the pricing, a budget range in one currency, the experience asked.
 * A {@code null} part does not filter. Searches and saved searches use the same criteria, so an alert fires for
 * exactly the jobs the search would show.
 */
public record JobCriteria(
        String query,
        UUID categoryId,
        Set<UUID> skillIds,
        Pricing pricing,
        String currency,
        Long amountMin,
        Long amountMax,
        ExperienceLevel experience) {

    public JobCriteria {
        skillIds = skillIds == null ? Set.of() : Set.copyOf(skillIds);
        query = query == null || query.isBlank() ? null : query.strip();
        if ((amountMin != null || amountMax != null) && currency == null) {
            throw new dev.atrium.platform.errors.InvalidParameterException(
                    "currency", "a budget range names its currency");
        }
    }
}
