package dev.atrium.billing.application;

import dev.atrium.billing.Escrow;
import dev.atrium.billing.Money;
import dev.atrium.billing.domain.EscrowHold;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.billing.domain.PaymentProvider.ProviderEvent;
import dev.atrium.billing.infrastructure.BillingDirectory;
import dev.atrium.billing.infrastructure.LedgerStore;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the provider's events do to holds in escrow, in the tenant's schema: a payment confirmed funds its hold (and a
 * second payment for the same thing, from a Checkout that completed as it lapsed, goes straight back), refunds are
 * recorded and complete a settlement, a chargeback freezes the hold and, lost, ends it. Runs in the transaction that
 * marks the event applied, so each event takes effect once.
 */
@ApplicationScoped
public class EscrowPayments {

    /** Stripe's dispute statuses after which nothing more happens to it. */
    private static final Set<String> CLOSED = Set.of("won", "lost", "warning_closed");

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    BillingDirectory directory;

    @Inject
    LedgerStore ledger;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    EscrowService escrow;

    @Inject
    EscrowSettlement settlement;

    @Inject
    Now clock;

    @Inject
    Event<Escrow.Funded> funded;

    @Inject
    Event<Escrow.Refunded> refunded;

    @Inject
    Event<Escrow.ChargedBack> chargedBack;

    /** A hold's Checkout completed (with the charge that paid it) or lapsed. */
    @TenantTransactional
    public void checkout(
            ProviderEvent event,
            UUID holdId,
            PaymentProvider.CheckoutState checkout,
            PaymentProvider.ChargeState charge) {
        OffsetDateTime now = clock.dateTime();
        if (!directory.markApplied(event.id(), event.type(), currentTenant.get().id(), now)) {
            return;
        }
        EscrowHold hold = em.find(EscrowHold.class, holdId, LockModeType.PESSIMISTIC_WRITE);
        if (hold == null) {
            return;
        }
        if (charge != null && "complete".equals(checkout.status()) && "paid".equals(checkout.paymentStatus())) {
            funded(hold, charge, now);
        } else if ("expired".equals(checkout.status())) {
            hold.expired();
        }
    }

    private void funded(EscrowHold hold, PaymentProvider.ChargeState charge, OffsetDateTime now) {
        if (!hold.funded(charge.paymentIntentId(), charge.id(), now)) {
            return;
        }
        LedgerEntry.Source source = EscrowService.source(hold);
        ledger.append(LedgerEntry.escrowPayment(charge, source), now);
        boolean paidTwice = escrow.holdsOf(hold.module(), hold.ref()).stream()
                .anyMatch(other -> !other.id().equals(hold.id())
                        && (other.status() == EscrowHold.Status.FUNDED
                                || other.status() == EscrowHold.Status.SETTLING
                                || other.status() == EscrowHold.Status.SETTLED));
        if (paidTwice) {
            escrow.settle(hold, Money.of(0, hold.amount().currency()), "Paid twice: the second payment is refunded.");
        } else {
            funded.fire(new Escrow.Funded(
                    hold.id(), hold.module(), hold.ref(), hold.payerId(), hold.payeeId(), hold.amount()));
        }
        if (charge.amountRefunded() > 0) {
            refunds(charge, source, now);
        }
    }

    /**
     * A hold's charge as it stands: each succeeded refund into the ledger once (only the payer's money going back:
     * nothing of it was anyone's part), and the settlement completed once the refund decided is all confirmed.
     */
    void refunds(PaymentProvider.ChargeState charge, LedgerEntry.Source of, OffsetDateTime now) {
        long total = 0;
        List<PaymentProvider.RefundState> made = charge.refunds().stream()
                .filter(refund -> "succeeded".equals(refund.status()))
                .sorted(Comparator.comparing(PaymentProvider.RefundState::created)
                        .thenComparing(PaymentProvider.RefundState::id))
                .toList();
        for (PaymentProvider.RefundState refund : made) {
            ledger.append(List.of(LedgerEntry.escrowRefund(refund, of)), now);
            total += refund.amount().minor();
        }
        EscrowHold hold = em.find(EscrowHold.class, of.id(), LockModeType.PESSIMISTIC_WRITE);
        if (hold == null) {
            return;
        }
        if (hold.refundedTotal(total)) {
            refunded.fire(
                    new Escrow.Refunded(hold.id(), hold.module(), hold.ref(), hold.payerId(), hold.refundDecided()));
        }
        settlement.completeIfDone(hold, now);
    }

    /**
     * The payer's bank disputes the hold's charge: nothing is released while the dispute is open; lost while the money
     * was still held, the hold ends with nothing to release. (Lost after a release, the money was already paid out: the
     * platform bears it, as the ledger shows.)
     */
    void disputed(PaymentProvider.DisputeState dispute, LedgerEntry.Source of) {
        EscrowHold hold = em.find(EscrowHold.class, of.id(), LockModeType.PESSIMISTIC_WRITE);
        if (hold == null) {
            return;
        }
        if (dispute.isLost()) {
            if (hold.chargedBack()) {
                chargedBack.fire(new Escrow.ChargedBack(hold.id(), hold.module(), hold.ref()));
            }
            return;
        }
        hold.disputed(!CLOSED.contains(dispute.status()));
    }
}
