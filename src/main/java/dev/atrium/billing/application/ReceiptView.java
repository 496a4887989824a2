package dev.atrium.billing.application;

import dev.atrium.billing.domain.Receipt;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A receipt in a member's list; its PDF at {@code /billing/receipts/{id}/pdf}. */
public record ReceiptView(
        UUID id,
        long number,
        UUID memberId,
        String description,
        String currency,
        long amount,
        OffsetDateTime issuedAt) {

    static ReceiptView of(Receipt receipt) {
        return new ReceiptView(
                receipt.id(),
                receipt.number(),
                receipt.memberId(),
                receipt.description(),
                receipt.amount().currency(),
                receipt.amount().minor(),
                receipt.issuedAt());
    }
}
