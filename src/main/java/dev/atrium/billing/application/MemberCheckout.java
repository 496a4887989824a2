package dev.atrium.billing.application;

import dev.atrium.billing.domain.BillingInterval;
import dev.atrium.billing.domain.PaymentProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * A member buys what the tenant sells: the purchase or membership is recorded PENDING, the provider's Checkout opened
 * for it (keyed by its id, so a repeat opens the same Checkout), and the provider's events make it paid (
 * {@link MemberPayments}). Also an admin's refund and a member's cancellation, both asked of the provider first
 * and recorded when its events come.
 */
@ApplicationScoped
public class MemberCheckout {

    @Inject
    PaymentProvider provider;

    @Inject
    MemberPurchases purchases;

    @Inject
    MemberPayments payments;

    @Inject
    MemberCustomers customers;

    @Inject
    ReturnAddresses addresses;

    public PaymentProvider.HostedPage checkout(UUID productId, BillingInterval interval, String returnUrl) {
        provider.requireConfigured();
        MemberPurchases.Started started = purchases.start(productId, interval);
        String back = addresses.checked(started.tenant().slug(), returnUrl);
        String customer = customers.customerOf(started.tenant(), started.memberId(), started.customerId());
        String success = ReturnAddresses.withQuery(back, "checkout=complete&session_id={CHECKOUT_SESSION_ID}");
        String cancel = ReturnAddresses.withQuery(back, "checkout=canceled");
        PaymentProvider.HostedPage page;
        if (started.purchaseId() != null) {
            page = provider.paymentCheckout(
                    new PaymentProvider.PaymentCheckout(
                            customer,
                            started.description(),
                            started.amount(),
                            success,
                            cancel,
                            started.purchaseId().toString(),
                            MemberPurchases.metadata(started.tenant(), "atrium_purchase", started.purchaseId()),
                            "purchase-" + started.purchaseId(),
                            started.checkoutExpiresAt()),
                    "purchase-checkout-" + started.purchaseId());
        } else {
            page = provider.membershipCheckout(
                    new PaymentProvider.MembershipCheckout(
                            customer,
                            started.description(),
                            started.amount(),
                            started.interval(),
                            success,
                            cancel,
                            started.membershipId().toString(),
                            MemberPurchases.metadata(started.tenant(), "atrium_membership", started.membershipId()),
                            started.checkoutExpiresAt()),
                    "membership-checkout-" + started.membershipId());
        }
        purchases.checkoutOpened(started.purchaseId(), started.membershipId(), page.id());
        return page;
    }

    /**
     * Refunds part or all of a paid purchase (a tenant admin). The refund is asked of the provider with a key of the
     * purchase and the amount refunded so far, so a repeated request refunds once; the purchase, its entitlement and
     * the ledger change when the provider's event comes.
     */
    public PaymentProvider.RefundState refund(UUID purchaseId, Long amount, String requestKey) {
        provider.requireConfigured();
        MemberPurchases.Refundable refundable = purchases.refundable(purchaseId, amount);
        // The caller's own key (Idempotency-Key) makes a retry after an unknown outcome safe whatever happened
        // meanwhile; without one, the amount and what was left to refund name the refund.
        String key = requestKey != null
                ? "refund-" + purchaseId + "-" + requestKey
                : "refund-" + purchaseId + "-" + refundable.left().minor() + "-of-"
                        + refundable.remaining().minor();
        return provider.refund(refundable.paymentIntentId(), refundable.left(), key);
    }

    /**
     * Ends a membership now and refunds its current period in full (a tenant admin): the subscription is cancelled
     * first, so nothing renews, then the period's charge is refunded (keyed by the charge: a repeat refunds nothing
     * more). The membership ends and its entitlements go when the provider's events come.
     */
    public PaymentProvider.RefundState endAndRefund(UUID membershipId) {
        provider.requireConfigured();
        MemberPurchases.RefundableMembership refundable = purchases.refundableMembership(membershipId);
        provider.cancelNow(refundable.subscriptionId());
        return provider.refundCharge(refundable.chargeId(), "membership-refund-" + refundable.chargeId());
    }

    /** Ends a membership at the end of its period (its member, or an admin), or takes that back. */
    public MembershipView cancelAtPeriodEnd(UUID membershipId, boolean cancel) {
        provider.requireConfigured();
        String subscription = purchases.ownSubscription(membershipId);
        java.time.OffsetDateTime readAt = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        PaymentProvider.SubscriptionState state = provider.cancelAtPeriodEnd(
                subscription,
                cancel,
                "membership-" + membershipId + (cancel ? "-cancel-" : "-resume-") + UUID.randomUUID());
        return payments.membershipRead(membershipId, state, readAt);
    }
}
