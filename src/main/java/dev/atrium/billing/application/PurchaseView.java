package dev.atrium.billing.application;

import dev.atrium.billing.domain.Purchase;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A purchase of an item; amounts in minor units of {@code currency}. */
public record PurchaseView(
        UUID id,
        UUID memberId,
        UUID productId,
        String status,
        String currency,
        long amount,
        long amountRefunded,
        OffsetDateTime createdAt,
        OffsetDateTime paidAt,
        OffsetDateTime refundedAt) {

    static PurchaseView of(Purchase purchase) {
        return new PurchaseView(
                purchase.id(),
                purchase.memberId(),
                purchase.productId(),
                purchase.status().name().toLowerCase(java.util.Locale.ROOT),
                purchase.amount().currency(),
                purchase.amount().minor(),
                purchase.amountRefunded().minor(),
                purchase.createdAt(),
                purchase.paidAt(),
                purchase.refundedAt());
    }
}
