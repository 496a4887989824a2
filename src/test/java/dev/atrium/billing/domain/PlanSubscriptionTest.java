package dev.atrium.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.billing.domain.PlanSubscription.Effects;
import dev.atrium.billing.domain.PlanSubscription.TenantAction;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlanSubscriptionTest {

    private static final Duration GRACE = Duration.ofDays(14);
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    private final PlanSubscription subscription = PlanSubscription.forCustomer(UUID.randomUUID(), "cus_1", T0);

    private static PaymentProvider.SubscriptionState state(String id, String status) {
        return new PaymentProvider.SubscriptionState(
                id,
                "cus_1",
                status,
                "atrium-plan-standard-month",
                BillingInterval.MONTH,
                Instant.parse("2026-12-01T09:00:00Z"),
                false,
                "canceled".equals(status) ? T0.toInstant() : null,
                Map.of());
    }

    private Effects apply(String status, OffsetDateTime at) {
        return subscription.apply(state("sub_1", status), "standard", at, GRACE, at);
    }

    @Test
    void paidSubscriptionAppliesItsPlanAndChangesNothingElse() {
        Effects effects = apply("active", T0);

        assertEquals(new Effects("standard", TenantAction.NONE), effects);
        assertEquals(PlanStanding.ACTIVE, subscription.status());
        assertTrue(subscription.hasLiveSubscription());
    }

    @Test
    void failedPaymentStartsOneGracePeriodThatRepeatedFailuresDoNotExtend() {
        apply("active", T0);
        apply("past_due", T0.plusDays(30));
        apply("past_due", T0.plusDays(33));

        assertEquals(PlanStanding.PAST_DUE, subscription.status());
        assertEquals(T0.plusDays(30).plus(GRACE), subscription.graceUntil());
        assertEquals(Effects.NOTHING, subscription.graceEnded(T0.plusDays(43)));
        assertEquals(new Effects(null, TenantAction.SUSPEND), subscription.graceEnded(T0.plusDays(44)));
        assertEquals(Effects.NOTHING, subscription.graceEnded(T0.plusDays(45)), "suspended once");
        assertNull(subscription.graceUntil(), "no longer found by the sweep");
    }

    @Test
    void paymentAfterSuspensionResumesTheTenant() {
        apply("active", T0);
        assertEquals(new Effects(null, TenantAction.SUSPEND), apply("unpaid", T0.plusDays(40)));
        subscription.suspendedByBilling(true);

        Effects paid = apply("active", T0.plusDays(41));

        assertEquals(new Effects("standard", TenantAction.RESUME), paid);
        assertNull(subscription.graceUntil());
        assertFalse(subscription.suspendedByBilling());
    }

    @Test
    void unpaidSuspendsOnceOnly() {
        apply("active", T0);
        assertEquals(TenantAction.SUSPEND, apply("unpaid", T0.plusDays(40)).action());
        subscription.suspendedByBilling(true);
        assertEquals(Effects.NOTHING, apply("unpaid", T0.plusDays(41)));
    }

    @Test
    void aPaymentDoesNotResumeATenantTheOperatorHadSuspended() {
        apply("active", T0);
        assertEquals(TenantAction.SUSPEND, apply("unpaid", T0.plusDays(40)).action());
        subscription.suspendedByBilling(false); // the tenant was suspended already: billing changed nothing

        assertEquals(new Effects("standard", TenantAction.NONE), apply("active", T0.plusDays(41)));
    }

    @Test
    void aSecondLiveSubscriptionDoesNotReplaceTheFirst() {
        subscription.apply(state("sub_1", "active"), "standard", T0, GRACE, T0);

        Effects second = subscription.apply(state("sub_2", "active"), "premium", T0.plusDays(1), GRACE, T0);

        assertEquals(Effects.NOTHING, second);
        assertEquals("sub_1", subscription.subscriptionId());
    }

    @Test
    void cancellationArchivesOnlyAfterTheGracePeriod() {
        apply("active", T0);
        assertEquals(Effects.NOTHING, apply("canceled", T0.plusDays(1)));
        assertEquals(PlanStanding.CANCELED, subscription.status());
        assertEquals(Effects.NOTHING, subscription.graceEnded(T0.plusDays(14)));
        assertEquals(new Effects(null, TenantAction.ARCHIVE), subscription.graceEnded(T0.plusDays(15)));
        assertFalse(subscription.hasLiveSubscription());
    }

    @Test
    void aReadOlderThanTheOneAppliedChangesNothing() {
        apply("active", T0.plusDays(2));

        Effects stale = apply("past_due", T0.plusDays(1));

        assertEquals(Effects.NOTHING, stale);
        assertEquals(PlanStanding.ACTIVE, subscription.status());
    }

    @Test
    void theEndOfAnOlderSubscriptionDoesNotTouchTheCurrentOne() {
        subscription.apply(state("sub_new", "active"), "standard", T0, GRACE, T0);

        Effects old = subscription.apply(state("sub_old", "canceled"), "standard", T0.plusDays(1), GRACE, T0);

        assertEquals(Effects.NOTHING, old);
        assertEquals(PlanStanding.ACTIVE, subscription.status());
        assertEquals("sub_new", subscription.subscriptionId());
    }

    @Test
    void anUnpaidCheckoutAppliesNothing() {
        assertEquals(Effects.NOTHING, apply("incomplete", T0));
        assertEquals(PlanStanding.NONE, subscription.status());
    }
}
