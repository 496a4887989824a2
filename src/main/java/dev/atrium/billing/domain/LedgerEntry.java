package dev.atrium.billing.domain;

import dev.atrium.billing.Money;
import dev.atrium.platform.api.EnumIds;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One line of a tenant's ledger. A movement names the provider's balance transaction it is (a charge in, the
 * provider's fee, a refund or a transfer out, signed as the provider signs them); an allocation (no balance
 * transaction) says whose part of a charge is whose, from the one {@link Split}. Each line is unique by what it
 * records ({@code providerRef} and {@code kind}), so recording an event twice adds nothing.
 */
public record LedgerEntry(
        UUID id,
        OffsetDateTime occurredAt,
        Kind kind,
        Party party,
        Money amount,
        UUID memberId,
        String sourceKind,
        UUID sourceId,
        String providerRef,
        String balanceTransaction,
        String description) {

    public enum Kind {
        CHARGE,
        PROVIDER_FEE,
        PLATFORM_FEE,
        TENANT_SHARE,
        PROFESSIONAL_SHARE,
        REFUND,
        PLATFORM_FEE_REFUNDED,
        TENANT_SHARE_REFUNDED,
        TRANSFER,
        TRANSFER_REVERSAL,
        DISPUTE,
        DISPUTE_REVERSAL;

        public String id() {
            return EnumIds.idOf(this).replace('_', '-');
        }

        /** Whether lines of this kind are movements on the provider's balance (they reconcile with it). */
        public boolean isMovement() {
            return this != PLATFORM_FEE
                    && this != TENANT_SHARE
                    && this != PROFESSIONAL_SHARE
                    && this != PLATFORM_FEE_REFUNDED
                    && this != TENANT_SHARE_REFUNDED;
        }
    }

    public enum Party {
        MEMBER,
        PROVIDER,
        PLATFORM,
        TENANT,
        PROFESSIONAL;

        public String id() {
            return EnumIds.idOf(this);
        }
    }

    /** What a payment's source is: a purchase, a membership, later a marketplace milestone. */
    public record Source(String kind, UUID id, UUID memberId, String description) {}

    /**
     * A confirmed payment: the charge in and the provider's fee (from its balance transaction), and the split of the
     * charge between the platform and the tenant.
     */
    public static List<LedgerEntry> payment(PaymentProvider.ChargeState charge, Split split, Source source) {
        List<LedgerEntry> lines = escrowPayment(charge, source);
        lines.addAll(allocation(split, source, charge.id(), at(charge.created())));
        return lines;
    }

    /**
     * A payment into escrow: the charge in and the provider's fee. Whose the money is follows when the hold is settled
     * ({@link #allocation}, and refunds for what goes back).
     */
    public static List<LedgerEntry> escrowPayment(PaymentProvider.ChargeState charge, Source source) {
        OffsetDateTime at = at(charge.created());
        List<LedgerEntry> lines = new ArrayList<>();
        PaymentProvider.BalanceEntry balance = charge.balance();
        String balanceId = balance == null ? null : balance.id();
        // Movements as the balance transaction records them (in the account's currency, should Stripe convert);
        // allocations in the currency the member paid in.
        Money in = balance == null ? charge.amount() : Money.of(balance.amount(), balance.currency());
        lines.add(line(at, Kind.CHARGE, Party.MEMBER, in, source, charge.id(), balanceId));
        if (balance != null && balance.fee() != 0) {
            lines.add(line(
                    at,
                    Kind.PROVIDER_FEE,
                    Party.PROVIDER,
                    Money.of(-balance.fee(), balance.currency()),
                    source,
                    charge.id(),
                    balanceId));
        }
        return lines;
    }

    /** Whose a charge's money (or the released part of a hold) is: the platform's fee, the tenant's, the seller's. */
    public static List<LedgerEntry> allocation(Split split, Source source, String chargeId, OffsetDateTime at) {
        List<LedgerEntry> lines = new ArrayList<>();
        lines.add(line(at, Kind.PLATFORM_FEE, Party.PLATFORM, split.platformFee(), source, chargeId, null));
        lines.add(line(at, Kind.TENANT_SHARE, Party.TENANT, split.tenantShare(), source, chargeId, null));
        if (split.sellerShare().isPositive()) {
            lines.add(
                    line(at, Kind.PROFESSIONAL_SHARE, Party.PROFESSIONAL, split.sellerShare(), source, chargeId, null));
        }
        return lines;
    }

    /** A transfer out of the platform's balance to a payout account (a professional's, the tenant's). */
    public static LedgerEntry transfer(PaymentProvider.TransferState transfer, Party to, Source source) {
        return line(
                at(transfer.created()),
                Kind.TRANSFER,
                to,
                transfer.amount().negated(),
                source,
                transfer.id(),
                transfer.balanceTransaction());
    }

    /** A refund out of a hold: the payer's money going back, nobody's part (nothing was allocated of it). */
    public static LedgerEntry escrowRefund(PaymentProvider.RefundState refund, Source source) {
        String balanceId = refund.balance() == null ? null : refund.balance().id();
        Money out = refund.balance() == null
                ? refund.amount().negated()
                : Money.of(refund.balance().amount(), refund.balance().currency());
        return line(at(refund.created()), Kind.REFUND, Party.MEMBER, out, source, refund.id(), balanceId);
    }

    /** A refund out, and how it comes back out of the platform's and the tenant's parts (split as the charge was). */
    public static List<LedgerEntry> refund(PaymentProvider.RefundState refund, Split split, Source source) {
        OffsetDateTime at = at(refund.created());
        String balanceId = refund.balance() == null ? null : refund.balance().id();
        Money out = refund.balance() == null
                ? refund.amount().negated()
                : Money.of(refund.balance().amount(), refund.balance().currency());
        return List.of(
                line(at, Kind.REFUND, Party.MEMBER, out, source, refund.id(), balanceId),
                line(
                        at,
                        Kind.PLATFORM_FEE_REFUNDED,
                        Party.PLATFORM,
                        split.platformFee().negated(),
                        source,
                        refund.id(),
                        null),
                line(
                        at,
                        Kind.TENANT_SHARE_REFUNDED,
                        Party.TENANT,
                        split.tenantShare().negated(),
                        source,
                        refund.id(),
                        null));
    }

    /**
     * A dispute's movements on the balance: each of its balance transactions once (the amount taken back, Stripe's
     * dispute fee; the amount returned when it is won), keyed by the balance transaction.
     */
    public static List<LedgerEntry> dispute(PaymentProvider.DisputeState dispute, Source source) {
        List<LedgerEntry> lines = new ArrayList<>();
        for (PaymentProvider.BalanceEntry movement : dispute.balance()) {
            OffsetDateTime at = at(movement.created());
            boolean returned = movement.amount() > 0;
            lines.add(line(
                    at,
                    returned ? Kind.DISPUTE_REVERSAL : Kind.DISPUTE,
                    Party.MEMBER,
                    Money.of(movement.amount(), movement.currency()),
                    source,
                    movement.id(),
                    movement.id()));
            if (movement.fee() != 0) {
                lines.add(line(
                        at,
                        Kind.PROVIDER_FEE,
                        Party.PROVIDER,
                        Money.of(-movement.fee(), movement.currency()),
                        source,
                        movement.id(),
                        movement.id()));
            }
        }
        return lines;
    }

    private static LedgerEntry line(
            OffsetDateTime at,
            Kind kind,
            Party party,
            Money amount,
            Source source,
            String providerRef,
            String balance) {
        return new LedgerEntry(
                UUID.randomUUID(),
                at,
                kind,
                party,
                amount,
                source.memberId(),
                source.kind(),
                source.id(),
                providerRef,
                balance,
                source.description());
    }

    private static OffsetDateTime at(Instant instant) {
        return (instant == null ? Instant.now() : instant).atOffset(ZoneOffset.UTC);
    }
}
