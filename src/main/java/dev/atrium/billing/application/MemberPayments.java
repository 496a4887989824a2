package dev.atrium.billing.application;

import dev.atrium.billing.Money;
import dev.atrium.billing.Sales;
import dev.atrium.billing.domain.LedgerEntry;
import dev.atrium.billing.domain.Membership;
import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.billing.domain.PaymentProvider.ProviderEvent;
import dev.atrium.billing.domain.Product;
import dev.atrium.billing.domain.Purchase;
import dev.atrium.billing.domain.Split;
import dev.atrium.billing.infrastructure.BillingDirectory;
import dev.atrium.billing.infrastructure.EntitlementGrants;
import dev.atrium.billing.infrastructure.LedgerStore;
import dev.atrium.platform.persistence.NativeQueries;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the provider's events do to members' purchases and memberships, in the tenant's schema: payments confirmed
 * (entitlements granted, the ledger written, a receipt issued), memberships renewed, lapsed or ended, refunds. Each
 * step runs in one transaction with the event's mark, so an event repeated or raced by another replica changes
 * nothing more.
 */
@ApplicationScoped
public class MemberPayments {

    static final String PURCHASE = "PURCHASE";
    static final String MEMBERSHIP = "MEMBERSHIP";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    BillingDirectory directory;

    @Inject
    EntitlementGrants grants;

    @Inject
    LedgerStore ledger;

    @Inject
    Receipts receipts;

    @Inject
    EscrowPayments escrowPayments;

    @Inject
    Now clock;

    @Inject
    Event<Sales.PurchasePaid> purchasePaid;

    @Inject
    Event<Sales.PurchaseRefunded> purchaseRefunded;

    /** The platform's fee on what a tenant sells to its members, in basis points (500 = 5 %); the rest is the tenant's. */
    @Inject
    @ConfigProperty(name = "atrium.billing.platform-fee-basis-points", defaultValue = "500")
    int platformFeeBasisPoints;

    /** A rate outside 0–100 % would fail every payment's event: the application does not start with it. */
    @jakarta.annotation.PostConstruct
    void checkRate() {
        if (platformFeeBasisPoints < 0 || platformFeeBasisPoints > 10_000) {
            throw new IllegalStateException("atrium.billing.platform-fee-basis-points must be between 0 and 10000, not "
                    + platformFeeBasisPoints);
        }
    }

    /** A purchase's Checkout completed (with the charge that paid it) or expired. */
    @TenantTransactional
    public void purchaseCheckout(
            ProviderEvent event,
            UUID purchaseId,
            PaymentProvider.CheckoutState checkout,
            PaymentProvider.ChargeState charge) {
        OffsetDateTime now = clock.dateTime();
        if (!markApplied(event, now)) {
            return;
        }
        Purchase purchase = em.find(Purchase.class, purchaseId, LockModeType.PESSIMISTIC_WRITE);
        if (purchase == null) {
            return;
        }
        if (charge != null && "complete".equals(checkout.status()) && "paid".equals(checkout.paymentStatus())) {
            paid(purchase, charge, now);
        } else if ("expired".equals(checkout.status())) {
            purchase.expired();
        }
    }

    private void paid(Purchase purchase, PaymentProvider.ChargeState charge, OffsetDateTime now) {
        if (!purchase.paid(charge.paymentIntentId(), charge.id(), now)) {
            return;
        }
        Product product = em.find(Product.class, purchase.productId());
        grants.grant(PURCHASE, purchase.id(), purchase.memberId(), product.grants(), now);
        ledger.append(
                LedgerEntry.payment(
                        charge,
                        Split.ofTenantSale(charge.amount(), platformFeeBasisPoints),
                        new LedgerEntry.Source("purchase", purchase.id(), purchase.memberId(), product.name())),
                now);
        receipts.issue(purchase.memberId(), charge.id(), product.name(), charge.amount(), now);
        if (charge.amountRefunded() > 0) {
            refunds(
                    charge,
                    new LedgerEntry.Source("purchase", purchase.id(), purchase.memberId(), product.name()),
                    now);
        }
        if (product.ownerModule() != null && purchase.status() == Purchase.Status.PAID) {
            purchasePaid.fire(new Sales.PurchasePaid(
                    purchase.id(),
                    product.id(),
                    product.ownerModule(),
                    product.ownerRef(),
                    purchase.memberId(),
                    purchase.amount()));
        }
    }

    /**
     * A membership's subscription as read after the event (and its Checkout, which may have expired unpaid); found
     * by the id Atrium put in the subscription's metadata, or by the subscription.
     */
    @TenantTransactional
    public void membershipChanged(
            ProviderEvent event,
            UUID membershipId,
            PaymentProvider.SubscriptionState subscription,
            PaymentProvider.CheckoutState checkout,
            OffsetDateTime readAt) {
        OffsetDateTime now = clock.dateTime();
        if (!markApplied(event, now)) {
            return;
        }
        Membership membership = membership(membershipId, subscription);
        if (membership == null) {
            return;
        }
        if (subscription == null) {
            if (checkout != null && "expired".equals(checkout.status())) {
                membership.checkoutExpired(now);
            }
            return;
        }
        apply(membership, subscription, readAt, now);
    }

    /** A membership's invoice: paid, it is recorded in the ledger and a receipt issued; the subscription applied. */
    @TenantTransactional
    public void invoiceChanged(
            ProviderEvent event,
            PaymentProvider.InvoiceState invoice,
            PaymentProvider.SubscriptionState subscription,
            PaymentProvider.ChargeState charge,
            OffsetDateTime readAt) {
        OffsetDateTime now = clock.dateTime();
        if (!markApplied(event, now)) {
            return;
        }
        Membership membership = membership(membershipOf(subscription), subscription);
        if (membership == null) {
            return;
        }
        apply(membership, subscription, readAt, now);
        if (charge != null && "paid".equals(invoice.status())) {
            Product product = em.find(Product.class, membership.productId());
            ledger.append(
                    LedgerEntry.payment(
                            charge,
                            Split.ofTenantSale(charge.amount(), platformFeeBasisPoints),
                            new LedgerEntry.Source(
                                    "membership", membership.id(), membership.memberId(), product.name())),
                    now);
            receipts.issue(
                    membership.memberId(),
                    charge.id(),
                    product.name() + " (" + membership.interval().id() + "ly)",
                    charge.amount(),
                    now);
        }
    }

    /**
     * A charge changed (refunded in part or in full): each refund goes into the ledger once, and a purchase refunded in
     * full loses its entitlement.
     */
    @TenantTransactional
    public void chargeChanged(ProviderEvent event, PaymentProvider.ChargeState charge) {
        OffsetDateTime now = clock.dateTime();
        LedgerEntry.Source of = requireRecorded(charge.id());
        if (!markApplied(event, now)) {
            return;
        }
        if (EscrowService.SOURCE.equals(of.kind())) {
            escrowPayments.refunds(charge, of, now);
        } else {
            refunds(charge, of, now);
        }
    }

    /**
     * Each succeeded refund of a charge into the ledger (once: lines are unique by refund), split from the platform
     * fee recorded when the charge was paid, in the order the refunds were made; a purchase refunded in full loses
     * what it paid for. Also run when a payment is recorded after its refunds' events (events come in any order).
     */
    private void refunds(PaymentProvider.ChargeState charge, LedgerEntry.Source of, OffsetDateTime now) {
        Money fee = recordedPlatformFee(charge);
        Money refundedBefore = Money.of(0, charge.amount().currency());
        List<PaymentProvider.RefundState> made = charge.refunds().stream()
                .filter(refund -> "succeeded".equals(refund.status()))
                .sorted(java.util.Comparator.comparing(PaymentProvider.RefundState::created)
                        .thenComparing(PaymentProvider.RefundState::id))
                .toList();
        for (PaymentProvider.RefundState refund : made) {
            ledger.append(
                    LedgerEntry.refund(
                            refund, Split.ofRefund(charge.amount(), fee, refundedBefore, refund.amount()), of),
                    now);
            refundedBefore = refundedBefore.plus(refund.amount());
        }
        if ("purchase".equals(of.kind())) {
            Purchase purchase = em.find(Purchase.class, of.id(), LockModeType.PESSIMISTIC_WRITE);
            if (purchase != null && purchase.refunded(refundedBefore.minor(), now)) {
                revoked(purchase, now);
            }
        }
    }

    /** A purchase that no longer pays for anything (refunded in full, charged back): its grants and its module told. */
    private void revoked(Purchase purchase, OffsetDateTime now) {
        grants.revoke(purchase.id(), now);
        Product product = em.find(Product.class, purchase.productId());
        if (product.ownerModule() != null) {
            purchaseRefunded.fire(new Sales.PurchaseRefunded(
                    purchase.id(), product.id(), product.ownerModule(), product.ownerRef(), purchase.memberId()));
        }
    }

    /** The platform's part of a charge as recorded when it was paid (a later change of the rate does not touch it). */
    private Money recordedPlatformFee(PaymentProvider.ChargeState charge) {
        List<Object[]> rows = NativeQueries.rows(
                em,
                "select amount, currency from billing_ledger_entry where provider_ref = ?1 and kind = 'platform-fee'",
                charge.id());
        return rows.isEmpty()
                ? Money.of(0, charge.amount().currency())
                : LedgerStore.money(rows.get(0)[0], rows.get(0)[1]);
    }

    /**
     * What a charge paid for, which must be recorded before its refund or dispute can be: if the payment's own event
     * has not been applied yet (in its backoff, or running on another replica), this one fails and is retried.
     */
    private LedgerEntry.Source requireRecorded(String chargeId) {
        LedgerEntry.Source of = sourceOfCharge(chargeId);
        if (of == null) {
            throw new IllegalStateException(
                    "The payment " + chargeId + " is not recorded yet; its refund or dispute waits for it");
        }
        return of;
    }

    /**
     * A dispute opened, changed or closed on one of the tenant's charges: its movements go into the ledger once; a
     * purchase whose dispute is lost loses what it paid for, as with a refund.
     */
    @TenantTransactional
    public void disputeChanged(ProviderEvent event, PaymentProvider.DisputeState dispute) {
        OffsetDateTime now = clock.dateTime();
        LedgerEntry.Source of = requireRecorded(dispute.chargeId());
        if (!markApplied(event, now)) {
            return;
        }
        ledger.append(LedgerEntry.dispute(dispute, of), now);
        if (EscrowService.SOURCE.equals(of.kind())) {
            escrowPayments.disputed(dispute, of);
            return;
        }
        if (dispute.isLost() && "purchase".equals(of.kind())) {
            Purchase purchase = em.find(Purchase.class, of.id(), LockModeType.PESSIMISTIC_WRITE);
            if (purchase != null && purchase.chargedBack(now)) {
                revoked(purchase, now);
            }
        }
    }

    /** What a charge paid for, as the ledger recorded it when the payment was confirmed. */
    private LedgerEntry.Source sourceOfCharge(String chargeId) {
        List<Object[]> source = NativeQueries.rows(
                em,
                "select source_kind, source_id, member_id, description from billing_ledger_entry"
                        + " where provider_ref = ?1 and kind = 'charge'",
                chargeId);
        if (source.isEmpty()) {
            return null;
        }
        Object[] paid = source.get(0);
        return new LedgerEntry.Source(
                (String) paid[0],
                paid[1] == null ? null : NativeQueries.uuid(paid[1]),
                paid[2] == null ? null : NativeQueries.uuid(paid[2]),
                (String) paid[3]);
    }

    /** The subscription as just read after a member's own change (cancel at period end, resume). */
    @TenantTransactional
    public MembershipView membershipRead(
            UUID membershipId, PaymentProvider.SubscriptionState subscription, OffsetDateTime readAt) {
        OffsetDateTime now = clock.dateTime();
        Membership membership = em.find(Membership.class, membershipId, LockModeType.PESSIMISTIC_WRITE);
        apply(membership, subscription, readAt, now);
        return MembershipView.of(membership);
    }

    private void apply(
            Membership membership,
            PaymentProvider.SubscriptionState subscription,
            OffsetDateTime readAt,
            OffsetDateTime now) {
        switch (membership.apply(subscription, readAt, now)) {
            case GRANT ->
                grants.grant(
                        MEMBERSHIP,
                        membership.id(),
                        membership.memberId(),
                        em.find(Product.class, membership.productId()).grants(),
                        now);
            case REVOKE -> grants.revoke(membership.id(), now);
            case NONE -> {}
        }
    }

    private Membership membership(UUID membershipId, PaymentProvider.SubscriptionState subscription) {
        if (membershipId != null) {
            return em.find(Membership.class, membershipId, LockModeType.PESSIMISTIC_WRITE);
        }
        if (subscription == null) {
            return null;
        }
        return em.createQuery("select m from Membership m where m.subscriptionId = :subscription", Membership.class)
                .setParameter("subscription", subscription.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    static UUID membershipOf(PaymentProvider.SubscriptionState subscription) {
        return subscription == null
                ? null
                : StripeEvents.id(subscription.metadata().get("atrium_membership"));
    }

    private boolean markApplied(ProviderEvent event, OffsetDateTime now) {
        return directory.markApplied(
                event.id(), event.type(), currentTenant.get().id(), now);
    }
}
