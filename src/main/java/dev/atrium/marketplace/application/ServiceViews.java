package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Service;
import dev.atrium.marketplace.domain.ServiceOrder;
import dev.atrium.marketplace.domain.ServiceTier;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the services API answers (in the shapes of {@link Views}: minor units with their currency, lower-case ids). */
public final class ServiceViews {

    private ServiceViews() {}

    public record TierView(
            String level,
            String name,
            long price,
            String currency,
            int deliveryDays,
            int revisions,
            List<String> included) {

        static TierView of(ServiceTier tier, String currency) {
            return new TierView(
                    Views.idOf(tier.level()),
                    tier.name(),
                    tier.priceMinor(),
                    currency,
                    tier.deliveryDays(),
                    tier.revisions(),
                    tier.included());
        }
    }

    /**
     * @param priceFrom its lowest tier's price (absent while it has no tier) @param media uploads showing it
     * @param coverMediaId the first of them
     */
    public record ServiceView(
            UUID id,
            UUID professionalId,
            String title,
            String description,
            String category,
            List<String> skills,
            String currency,
            List<TierView> tiers,
            Long priceFrom,
            List<String> questions,
            List<UUID> media,
            UUID coverMediaId,
            String status,
            OffsetDateTime publishedAt,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            long version) {

        static ServiceView of(Service service, Taxonomy.Catalogue catalogue) {
            return of(service, service.tiers(), catalogue);
        }

        /** With its tiers read apart (a list of services reads them all at once). */
        static ServiceView of(Service service, List<ServiceTier> tiers, Taxonomy.Catalogue catalogue) {
            List<UUID> media = service.media();
            List<ServiceTier> ordered = tiers.stream()
                    .sorted(java.util.Comparator.comparing(ServiceTier::level))
                    .toList();
            return new ServiceView(
                    service.id(),
                    service.professionalId(),
                    service.title(),
                    service.description(),
                    catalogue.categorySlug(service.categoryId()),
                    catalogue.slugsOf(service.skills()),
                    service.currency(),
                    ordered.stream()
                            .map(tier -> TierView.of(tier, service.currency()))
                            .toList(),
                    ServiceTier.lowestPrice(ordered),
                    service.questions(),
                    media,
                    media.isEmpty() ? null : media.get(0),
                    Views.idOf(service.status()),
                    service.publishedAt(),
                    service.createdAt(),
                    service.updatedAt(),
                    service.version());
        }
    }

    public record RequirementView(String question, String answer) {}

    /** An order of a service: the contract it made, the tier as ordered, the client's answers. */
    public record OrderView(
            UUID contractId,
            UUID serviceId,
            UUID clientId,
            TierView tier,
            List<RequirementView> requirements,
            OffsetDateTime orderedAt) {

        static OrderView of(ServiceOrder order) {
            return new OrderView(
                    order.contractId(),
                    order.serviceId(),
                    order.clientId(),
                    TierView.of(order.tier(), order.currency()),
                    order.requirements().stream()
                            .map(r -> new RequirementView(r.question(), r.answer()))
                            .toList(),
                    order.orderedAt());
        }
    }
}
