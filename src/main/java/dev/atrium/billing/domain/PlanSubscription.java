package dev.atrium.billing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant's subscription to a paid plan, as billing last read it from the payment provider, and what billing did to
 * the tenant because of it. Applying a fresher read of the subscription decides the tenant's {@link PlanStanding} and
 * what happens to the tenant: its plan applied, suspended when unpaid, resumed when paid, archived after a
 * cancellation's grace period. Only what billing itself suspended or archived does billing bring back; an operator's
 * suspension stays the operator's.
 */
@Entity
@Table(name = "plan_subscription", schema = "platform")
public class PlanSubscription {

    private static final Set<String> PAYING = Set.of("trialing", "active");
    private static final Set<String> LIVE = Set.of("trialing", "active", "past_due", "unpaid", "paused");
    private static final Set<String> ENDED = Set.of("canceled", "incomplete_expired");

    /** What applying a change asks of the tenant. */
    public enum TenantAction {
        NONE,
        SUSPEND,
        RESUME,
        ARCHIVE
    }

    /** @param plan the plan to put the tenant on, or null to leave it */
    public record Effects(String plan, TenantAction action) {
        public static final Effects NOTHING = new Effects(null, TenantAction.NONE);
    }

    @Id
    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(name = "customer_id", nullable = false)
    private String customerId;

    @Column(name = "subscription_id")
    private String subscriptionId;

    private String plan;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_interval")
    private BillingInterval interval;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PlanStanding status;

    @Column(name = "stripe_status")
    private String stripeStatus;

    @Column(name = "current_period_end")
    private OffsetDateTime currentPeriodEnd;

    @Column(name = "cancel_at_period_end", nullable = false)
    private boolean cancelAtPeriodEnd;

    @Column(name = "payment_failed_at")
    private OffsetDateTime paymentFailedAt;

    @Column(name = "grace_until")
    private OffsetDateTime graceUntil;

    @Column(name = "suspended_by_billing", nullable = false)
    private boolean suspendedByBilling;

    @Column(name = "archived_by_billing", nullable = false)
    private boolean archivedByBilling;

    @Column(name = "read_from_stripe_at")
    private OffsetDateTime readFromProviderAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected PlanSubscription() {}

    /** The tenant as the provider's customer, before it has subscribed to anything. */
    public static PlanSubscription forCustomer(UUID tenantId, String customerId, OffsetDateTime now) {
        PlanSubscription subscription = new PlanSubscription();
        subscription.tenantId = Objects.requireNonNull(tenantId);
        subscription.customerId = Objects.requireNonNull(customerId);
        subscription.status = PlanStanding.NONE;
        subscription.updatedAt = now;
        return subscription;
    }

    /**
     * Applies the subscription as the provider holds it, read at {@code readAt}. A read older than one already applied
     * changes nothing (events arrive in any order; the freshest read wins), nor does the end of a subscription that is
     * not this tenant's current one (a cancelled old one, after the tenant subscribed again).
     *
     * @param plan the plan the subscription's price is for, or null if it names none
     */
    public Effects apply(
            PaymentProvider.SubscriptionState state,
            String plan,
            OffsetDateTime readAt,
            Duration grace,
            OffsetDateTime now) {
        if (readFromProviderAt != null && readAt.isBefore(readFromProviderAt)) {
            return Effects.NOTHING;
        }
        boolean current = subscriptionId == null || subscriptionId.equals(state.id());
        if (!current && (!LIVE.contains(state.status()) || hasLiveSubscription())) {
            // An older one ending says nothing about the current one; a second live one (two Checkouts paid) does not
            // replace the first: the operator cancels it (it is logged where this is applied).
            return Effects.NOTHING;
        }
        if (!PAYING.contains(state.status()) && !LIVE.contains(state.status()) && !ENDED.contains(state.status())) {
            // incomplete: Checkout has not been paid yet; nothing to apply until it is.
            return Effects.NOTHING;
        }
        subscriptionId = state.id();
        stripeStatus = state.status();
        readFromProviderAt = readAt;
        currentPeriodEnd = at(state.currentPeriodEnd());
        cancelAtPeriodEnd = state.cancelAtPeriodEnd();
        if (state.interval() != null) {
            interval = state.interval();
        }
        if (plan != null) {
            this.plan = plan;
        }
        updatedAt = now;
        if (PAYING.contains(state.status())) {
            return paid();
        }
        if ("past_due".equals(state.status())) {
            return paymentFailed(grace, now);
        }
        if (LIVE.contains(state.status())) {
            return unpaid();
        }
        return cancelled(state, grace, now);
    }

    private Effects paid() {
        TenantAction action = suspendedByBilling || archivedByBilling ? TenantAction.RESUME : TenantAction.NONE;
        status = PlanStanding.ACTIVE;
        paymentFailedAt = null;
        graceUntil = null;
        suspendedByBilling = false;
        archivedByBilling = false;
        return new Effects(plan, action);
    }

    private Effects paymentFailed(Duration grace, OffsetDateTime now) {
        if (status != PlanStanding.PAST_DUE) {
            status = PlanStanding.PAST_DUE;
            paymentFailedAt = now;
            graceUntil = now.plus(grace);
        }
        return new Effects(plan, TenantAction.NONE);
    }

    private Effects unpaid() {
        status = PlanStanding.UNPAID;
        graceUntil = null;
        return suspendedByBilling ? Effects.NOTHING : new Effects(null, TenantAction.SUSPEND);
    }

    private Effects cancelled(PaymentProvider.SubscriptionState state, Duration grace, OffsetDateTime now) {
        if (status != PlanStanding.CANCELED) {
            status = PlanStanding.CANCELED;
            OffsetDateTime ended = state.endedAt() == null ? now : at(state.endedAt());
            graceUntil = (ended.isAfter(now) ? ended : now).plus(grace);
        }
        return Effects.NOTHING;
    }

    /**
     * What the end of a grace period does, once it has passed: a payment still failing suspends the tenant; a
     * cancellation archives it.
     */
    public Effects graceEnded(OffsetDateTime now) {
        if (graceUntil == null || graceUntil.isAfter(now)) {
            return Effects.NOTHING;
        }
        graceUntil = null;
        updatedAt = now;
        if (status == PlanStanding.PAST_DUE && !suspendedByBilling) {
            return new Effects(null, TenantAction.SUSPEND);
        }
        if (status == PlanStanding.CANCELED && !archivedByBilling) {
            return new Effects(null, TenantAction.ARCHIVE);
        }
        return Effects.NOTHING;
    }

    /**
     * Billing suspended the tenant (it was active): only then does a later payment resume it. A tenant the operator
     * had suspended already stays the operator's to resume.
     */
    public void suspendedByBilling(boolean changed) {
        suspendedByBilling = suspendedByBilling || changed;
    }

    /** Billing archived the tenant (it was active or suspended): a later payment brings it back. */
    public void archivedByBilling(boolean changed) {
        archivedByBilling = archivedByBilling || changed;
    }

    /** Whether the tenant pays for a plan right now (a new Checkout would be a second subscription). */
    public boolean hasLiveSubscription() {
        return status == PlanStanding.ACTIVE || status == PlanStanding.PAST_DUE || status == PlanStanding.UNPAID;
    }

    private static OffsetDateTime at(java.time.Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String customerId() {
        return customerId;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String plan() {
        return plan;
    }

    public BillingInterval interval() {
        return interval;
    }

    public PlanStanding status() {
        return status;
    }

    public OffsetDateTime currentPeriodEnd() {
        return currentPeriodEnd;
    }

    public boolean cancelAtPeriodEnd() {
        return cancelAtPeriodEnd;
    }

    public OffsetDateTime paymentFailedAt() {
        return paymentFailedAt;
    }

    public OffsetDateTime graceUntil() {
        return graceUntil;
    }

    public boolean suspendedByBilling() {
        return suspendedByBilling;
    }
}
