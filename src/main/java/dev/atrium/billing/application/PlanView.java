package dev.atrium.billing.application;

import dev.atrium.billing.domain.PlanStanding;
import dev.atrium.billing.domain.PlanSubscription;
import java.time.OffsetDateTime;

/**
 * What a tenant admin sees of the tenant's plan and how it is paid. {@code notice} is a sentence a frontend shows as a
 * banner when something needs the admin (a failed payment, a suspension, a cancellation), else null.
 */
public record PlanView(
        String plan,
        String standing,
        String interval,
        OffsetDateTime currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        OffsetDateTime paymentFailedAt,
        OffsetDateTime graceUntil,
        String notice) {

    static PlanView of(String tenantPlan, PlanSubscription subscription) {
        if (subscription == null) {
            return new PlanView(tenantPlan, PlanStanding.NONE.id(), null, null, false, null, null, null);
        }
        return new PlanView(
                tenantPlan,
                subscription.status().id(),
                subscription.interval() == null ? null : subscription.interval().id(),
                subscription.currentPeriodEnd(),
                subscription.cancelAtPeriodEnd(),
                subscription.paymentFailedAt(),
                subscription.graceUntil(),
                notice(subscription));
    }

    private static String notice(PlanSubscription subscription) {
        return switch (subscription.status()) {
            case PAST_DUE ->
                subscription.suspendedByBilling()
                        ? "The plan's payment failed and the grace period has ended: the tenant is read-only until the"
                                + " invoice is paid. Update the card in the billing portal."
                        : "The plan's last payment failed. Update the card in the billing portal before "
                                + subscription.graceUntil() + ", or the tenant becomes read-only.";
            case UNPAID ->
                "The plan is unpaid: the tenant is read-only until the open invoice is paid in the billing"
                        + " portal.";
            case CANCELED ->
                "The plan's subscription has ended"
                        + (subscription.graceUntil() == null
                                ? "."
                                : "; the tenant will be archived on " + subscription.graceUntil()
                                        + " unless a plan is bought again.");
            case ACTIVE ->
                subscription.cancelAtPeriodEnd()
                        ? "The subscription ends on " + subscription.currentPeriodEnd() + " and will not renew."
                        : null;
            case NONE -> null;
        };
    }
}
