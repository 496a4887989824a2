package dev.atrium.marketplace.domain.matching;

import dev.atrium.marketplace.domain.ExperienceLevel;
import dev.atrium.marketplace.domain.Pricing;
import dev.atrium.platform.similarity.TextVector;
import java.util.Set;
import java.util.UUID;

/**
 * What a job asks for, as the matcher reads it.
 *
 * @param text the title, then the description (the embedding model reads only the first 90 or so words)
 * @param budgetMinMinor the budget's lower end in minor units of {@code currency}, or null: for an hourly job the
 *     hourly rate, for a fixed-price job the whole price
 * @param budgetMaxMinor the upper end, or null
 * @param currency ISO 4217 code of the budget; required when either end is given
 * @param vector the text's embedding, or null while it has not been embedded (the text term is then left out)
 */
public record JobTraits(
        UUID id,
        String text,
        String category,
        Set<String> skills,
        Pricing pricing,
        Long budgetMinMinor,
        Long budgetMaxMinor,
        String currency,
        ExperienceLevel experience,
        TextVector vector) {

    public JobTraits {
        if (id == null || pricing == null || experience == null) {
            throw new IllegalArgumentException("A job needs an id, a pricing and an experience level");
        }
        text = text == null ? "" : text;
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        Traits.checkAmount(budgetMinMinor, "budget minimum");
        Traits.checkAmount(budgetMaxMinor, "budget maximum");
        if (budgetMinMinor != null && budgetMaxMinor != null && budgetMinMinor > budgetMaxMinor) {
            throw new IllegalArgumentException("A budget's minimum cannot exceed its maximum");
        }
        currency = Traits.currency(currency, budgetMinMinor != null || budgetMaxMinor != null);
    }

    /** The same job with its text's embedding. */
    public JobTraits withVector(TextVector embedding) {
        return new JobTraits(
                id, text, category, skills, pricing, budgetMinMinor, budgetMaxMinor, currency, experience, embedding);
    }

    boolean hasBudget() {
        return budgetMinMinor != null || budgetMaxMinor != null;
    }
}
