package dev.atrium.billing.application;

import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.billing.domain.PaymentProvider.ProviderEvent;
import dev.atrium.billing.infrastructure.BillingDirectory;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Optional;
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
    Now clock;

    /** Verifies and queues a delivery; a forged, unsigned or stale one is refused (400) and changes nothing. */
    public ProviderEvent receive(String payload, String signatureHeader) {
        ProviderEvent event = provider.verifyEvent(payload, signatureHeader);
        jobs.schedule(
                null, StripeEventJob.KIND, event.id(), event, clock.dateTime().toInstant());
        return event;
    }

    /** Applies a received event (the job's work); safe to run again. */
    public void apply(ProviderEvent event) {
        if (directory.isApplied(event.id())) {
            return;
        }
        Optional<BillingDirectory.Owner> owner =
                event.customerId() == null ? Optional.empty() : directory.ownerOfCustomer(event.customerId());
        if (owner.isEmpty()) {
            LOG.fine(() -> "Stripe event " + event.id() + " (" + event.type() + ") concerns nothing of Atrium's");
            directory.ignore(event, clock.dateTime());
            return;
        }
        if (owner.get().isTenant()) {
            applyToPlan(event, owner.get());
        } else {
            directory.ignore(event, clock.dateTime());
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
