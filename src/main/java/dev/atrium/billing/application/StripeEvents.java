package dev.atrium.billing.application;

import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.billing.domain.PaymentProvider.ProviderEvent;
import dev.atrium.billing.infrastructure.BillingDirectory;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.application.TenantDirectory;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The provider's events, from receipt to effect. Receiving verifies the signature against the raw body and queues the
 * event as a job named by its id (a redelivery while it waits is the same job), then answers at once. The job finds
 * whose the event is from Atrium's own records of customers, re-reads the object from the provider (the state now,
 * whatever order events came in), and applies it in one transaction with the event's mark, so each event takes effect
 * once.
 */
@ApplicationScoped
public class StripeEvents {

    private static final Logger LOG = Logger.getLogger(StripeEvents.class.getName());

    @Inject
    PaymentProvider provider;

    @Inject
    Jobs jobs;

    @Inject
    BillingDirectory directory;

    @Inject
    PlanSubscriptions plans;

    @Inject
    MemberPayments payments;

    @Inject
    EscrowPayments escrowPayments;

    @Inject
    PayoutAccounts accounts;

    @Inject
    TenantDirectory tenants;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Now clock;

    /**
     * The events billing acts on; the others (a payment intent created, a charge succeeded, a product made, ...) say
     * nothing that these do not, and are acknowledged without being queued.
     */
    static final Set<String> HANDLED = Set.of(
            "checkout.session.completed",
            "checkout.session.expired",
            "checkout.session.async_payment_succeeded",
            "checkout.session.async_payment_failed",
            "customer.subscription.created",
            "customer.subscription.updated",
            "customer.subscription.deleted",
            "customer.subscription.paused",
            "customer.subscription.resumed",
            "invoice.finalized",
            "invoice.paid",
            "invoice.payment_failed",
            "invoice.voided",
            "invoice.marked_uncollectible",
            "charge.refunded",
            "charge.refund.updated",
            "charge.dispute.created",
            "charge.dispute.updated",
            "charge.dispute.closed",
            "charge.dispute.funds_withdrawn",
            "charge.dispute.funds_reinstated",
            "account.updated");

    /**
     * Verifies and queues a delivery (if billing acts on its type); a forged, unsigned or stale one is refused (400) and
     * changes nothing.
     */
    public ProviderEvent receive(String payload, String signatureHeader) {
        ProviderEvent event = provider.verifyEvent(payload, signatureHeader);
        if (HANDLED.contains(event.type())) {
            jobs.schedule(
                    null,
                    StripeEventJob.KIND,
                    event.id(),
                    event,
                    clock.dateTime().toInstant());
        }
        return event;
    }

    /** Applies a received event (the job's work); safe to run again. */
    public void apply(ProviderEvent event) {
        if (directory.isApplied(event.id())) {
            return;
        }
        if ("account".equals(event.objectType())) {
            OffsetDateTime readAt = clock.dateTime();
            Optional<BillingDirectory.Owner> holder = directory.ownerOfAccount(event.objectId());
            if (holder.isEmpty()) {
                directory.ignore(event, clock.dateTime());
                return;
            }
            accounts.apply(event, holder.get().tenantId(), provider.account(event.objectId()), readAt);
            return;
        }
        String customer = event.customerId();
        PaymentProvider.DisputeState dispute = null;
        PaymentProvider.ChargeState refunded = null;
        if ("dispute".equals(event.objectType())) {
            // A dispute names its charge, not a customer: the charge says whose it is.
            dispute = provider.dispute(event.objectId());
            customer = provider.charge(dispute.chargeId()).customerId();
        } else if ("refund".equals(event.objectType()) && event.chargeId() != null) {
            // So does a refund (its later changes: pending to succeeded or failed).
            refunded = provider.charge(event.chargeId());
            customer = refunded.customerId();
        }
        Optional<BillingDirectory.Owner> owner =
                customer == null ? Optional.empty() : directory.ownerOfCustomer(customer);
        if (owner.isEmpty()) {
            LOG.fine(() -> "Stripe event " + event.id() + " (" + event.type() + ") concerns nothing of Atrium's");
            directory.ignore(event, clock.dateTime());
            return;
        }
        if (owner.get().isTenant()) {
            applyToPlan(event, owner.get());
            return;
        }
        // Applied whatever the tenant's modules and status now: money that moved is recorded even if the tenant has
        // since switched billing off or been suspended.
        Optional<TenantRef> tenant = tenants.workingRef(owner.get().tenantId());
        if (tenant.isEmpty()) {
            directory.ignore(event, clock.dateTime());
            return;
        }
        PaymentProvider.DisputeState disputed = dispute;
        PaymentProvider.ChargeState refundedCharge = refunded;
        currentTenant.runAs(tenant.get(), () -> {
            if (disputed != null) {
                payments.disputeChanged(event, disputed);
            } else if (refundedCharge != null) {
                payments.chargeChanged(event, refundedCharge);
            } else {
                applyToMember(event);
            }
            return null;
        });
    }

    /** A member's purchase or membership: the objects re-read, then applied in the member's tenant. */
    private void applyToMember(ProviderEvent event) {
        OffsetDateTime readAt = clock.dateTime();
        switch (event.objectType()) {
            case "checkout.session" -> {
                PaymentProvider.PaidCheckout read = provider.checkoutWithCharge(event.objectId());
                PaymentProvider.CheckoutState checkout = read.checkout();
                UUID purchase = id(checkout.metadata().get("atrium_purchase"));
                UUID membership = id(checkout.metadata().get("atrium_membership"));
                UUID hold = id(checkout.metadata().get("atrium_escrow"));
                boolean paid = "complete".equals(checkout.status())
                        && "paid".equals(checkout.paymentStatus())
                        && checkout.paymentIntentId() != null;
                if (hold != null) {
                    escrowPayments.checkout(event, hold, checkout, paid ? read.charge() : null);
                } else if (purchase != null) {
                    payments.purchaseCheckout(event, purchase, checkout, paid ? read.charge() : null);
                } else if (membership != null) {
                    PaymentProvider.SubscriptionState subscription =
                            checkout.subscriptionId() == null ? null : provider.subscription(checkout.subscriptionId());
                    payments.membershipChanged(event, membership, subscription, checkout, readAt);
                } else {
                    directory.ignore(event, clock.dateTime());
                }
            }
            case "subscription" -> {
                PaymentProvider.SubscriptionState subscription = provider.subscription(event.objectId());
                payments.membershipChanged(
                        event, MemberPayments.membershipOf(subscription), subscription, null, readAt);
            }
            case "invoice" -> {
                PaymentProvider.InvoiceState invoice = provider.invoice(event.objectId());
                if (invoice.subscriptionId() == null) {
                    directory.ignore(event, clock.dateTime());
                    return;
                }
                PaymentProvider.SubscriptionState subscription = provider.subscription(invoice.subscriptionId());
                String chargeId = "paid".equals(invoice.status()) ? provider.invoiceCharge(invoice.id()) : null;
                PaymentProvider.ChargeState charge = chargeId == null ? null : provider.charge(chargeId);
                payments.invoiceChanged(event, invoice, subscription, charge, readAt);
            }
            case "charge" -> payments.chargeChanged(event, provider.charge(event.objectId()));
            default -> directory.ignore(event, clock.dateTime());
        }
    }

    /** An id Atrium put in an object's metadata; anything else (another system's value) is none. */
    static UUID id(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    /** A tenant's plan: its subscription (and the invoice, if the event is about one), read after the event came. */
    private void applyToPlan(ProviderEvent event, BillingDirectory.Owner owner) {
        OffsetDateTime readAt = clock.dateTime();
        PaymentProvider.SubscriptionState subscription = null;
        PaymentProvider.InvoiceState invoice = null;
        switch (event.objectType()) {
            case "checkout.session" -> {
                String subscriptionId = provider.checkout(event.objectId()).subscriptionId();
                subscription = subscriptionId == null ? null : provider.subscription(subscriptionId);
            }
            case "subscription" -> subscription = provider.subscription(event.objectId());
            case "invoice" -> {
                invoice = provider.invoice(event.objectId());
                subscription =
                        invoice.subscriptionId() == null ? null : provider.subscription(invoice.subscriptionId());
            }
            default -> {}
        }
        if (subscription == null && invoice == null) {
            directory.ignore(event, clock.dateTime());
            return;
        }
        plans.apply(event, owner.tenantId(), subscription, invoice, readAt);
    }
}
