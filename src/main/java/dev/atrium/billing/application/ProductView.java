package dev.atrium.billing.application;

import dev.atrium.billing.domain.Product;
import java.util.List;
import java.util.UUID;

/** A product as members and admins see it; prices in minor units of {@code currency}, null where not sold so. */
public record ProductView(
        UUID id,
        String kind,
        String name,
        String description,
        String currency,
        Long priceMonth,
        Long priceYear,
        Long priceOnce,
        List<String> entitlements,
        String module,
        String ref,
        boolean active) {

    static ProductView of(Product product) {
        return new ProductView(
                product.id(),
                product.kind().id(),
                product.name(),
                product.description(),
                product.currency(),
                product.priceMonth(),
                product.priceYear(),
                product.priceOnceMinor(),
                product.grants().stream().sorted().toList(),
                product.ownerModule(),
                product.ownerRef(),
                product.active());
    }
}
