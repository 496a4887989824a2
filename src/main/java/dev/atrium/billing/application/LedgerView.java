package dev.atrium.billing.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A tenant's ledger: lines newest first, and each kind's total per currency over the whole ledger. */
public record LedgerView(List<Line> lines, int page, int size, long total, List<Total> totals) {

    /** @param amount signed minor units; {@code balanceTransaction} set for movements on the provider's balance */
    public record Line(
            UUID id,
            OffsetDateTime occurredAt,
            String kind,
            String party,
            long amount,
            String currency,
            UUID memberId,
            String sourceKind,
            UUID sourceId,
            String providerRef,
            String balanceTransaction,
            String description) {}

    public record Total(String currency, String kind, long amount) {}
}
