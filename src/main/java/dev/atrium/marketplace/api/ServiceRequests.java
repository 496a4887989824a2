package dev.atrium.marketplace.api;

import dev.atrium.marketplace.application.ServiceDesk;
import dev.atrium.marketplace.domain.Service;
import dev.atrium.marketplace.domain.TierLevel;
import dev.atrium.platform.api.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Request bodies of the services API, spelled as {@link MarketplaceRequests} spells the rest of the marketplace
 * (lower-case enumerations, integer minor units of a lower-case ISO 4217 currency).
 */
public final class ServiceRequests {

    private ServiceRequests() {}

    private static final String CURRENCY = "[a-z]{3}";
    private static final String SLUG = "[a-z0-9][a-z0-9-]{0,62}";
    private static final String ONE_LINE = "[^\\r\\n]*";

    /**
     * A tier: {@code currency} may be left out (it is the service's) and, given, must be the service's.
     *
     * @param included what it includes, one line each
     */
    public record TierBody(
            @NotNull @OneOf(TierLevel.class) String level,
            @NotBlank @Size(max = 100) String name,
            @NotNull @Positive Long price,

            @Pattern(regexp = CURRENCY, message = "an ISO 4217 code in lower case, e.g. eur")
            String currency,

            @NotNull @Min(1) @Max(365) Integer deliveryDays,
            @NotNull @Min(0) @Max(100) Integer revisions,

            @Size(max = 20)
            List<@NotBlank @Size(max = 200) @Pattern(regexp = ONE_LINE, message = "one line of text") String>
                    included) {

        Service.TierTerms terms() {
            return new Service.TierTerms(
                    MarketplaceRequests.enumOrNull(TierLevel.class, level),
                    name,
                    price,
                    currency,
                    deliveryDays,
                    revisions,
                    included);
        }
    }

    /**
     * A service, as created (title, description and currency required) or changed (parts left out stay; a list given
     * replaces the one it had).
     *
     * @param tiers up to three, one of each level
     * @param questions what a client answers when ordering
     * @param media uploads showing it, the first its cover
     * @param publish on creation: list it at once
     */
    public record ServiceBody(
            @Size(min = 1, max = 200) String title,
            @Size(min = 1, max = 20_000) String description,
            @Pattern(regexp = SLUG) String category,
            @Size(max = 15) Set<@Pattern(regexp = SLUG) String> skills,

            @Pattern(regexp = CURRENCY, message = "an ISO 4217 code in lower case, e.g. eur")
            String currency,

            @Size(max = 3) List<@NotNull @Valid TierBody> tiers,
            @Size(max = 10) List<@NotBlank @Size(max = 500) String> questions,
            @Size(max = 5) List<@NotNull UUID> media,
            Boolean publish) {

        ServiceDesk.ServiceTerms terms() {
            return new ServiceDesk.ServiceTerms(
                    new Service.Details(
                            title,
                            description,
                            null,
                            currency,
                            null,
                            null,
                            tiers == null
                                    ? null
                                    : tiers.stream().map(TierBody::terms).toList(),
                            questions,
                            media),
                    category,
                    skills);
        }
    }

    /** Ordering a tier, with an answer to each of the service's questions, in order. */
    public record OrderBody(
            @NotNull @OneOf(TierLevel.class) String tier,
            @Size(max = 10) List<@NotNull @Size(max = 5000) String> answers) {

        TierLevel level() {
            return MarketplaceRequests.enumOrNull(TierLevel.class, tier);
        }
    }
}
