package dev.atrium.billing;

import java.util.Optional;
import java.util.UUID;

/**
 * How another module sells something it owns (a course, an event ticket) without knowing the payment provider: it
 * offers the thing as an item of the current tenant, members buy it through billing's Checkout
 * ({@code POST /billing/products/{id}/checkout}), and the module learns of paid and refunded purchases through the
 * CDI events {@link PurchasePaid} and {@link PurchaseRefunded} (observed in the transaction that records them) or asks
 * {@link Entitlements#has}. Needs the tenant to have the billing module.
 */
public interface Sales {

    /**
     * Offers (or re-prices, renames, re-activates) the module's thing as an item. @return the item's product id, the
     * same for the same {@code module} and {@code ref}
     */
    UUID offer(String module, String ref, String name, Money price);

    /** Stops selling it; purchases already paid keep their entitlement. */
    void withdraw(String module, String ref);

    /** The product id of the module's thing, if it is offered. */
    Optional<UUID> productOf(String module, String ref);

    /** A purchase of a module's item was paid (the provider confirmed it). */
    record PurchasePaid(UUID purchaseId, UUID productId, String module, String ref, UUID memberId, Money amount) {}

    /** A purchase of a module's item was refunded in full: its entitlement is revoked. */
    record PurchaseRefunded(UUID purchaseId, UUID productId, String module, String ref, UUID memberId) {}
}
