package dev.atrium.billing.application;

import dev.atrium.billing.domain.Membership;
import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.domain.TenantDeleting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * A deleted tenant is billed no more, and neither are its members: before its data is dropped, its plan subscription
 * and its members' live memberships are cancelled at the provider. If the provider cannot be reached the deletion
 * fails, to be repeated: dropping the data while the subscriptions kept renewing would charge people for nothing,
 * with no record left here.
 */
@ApplicationScoped
public class SubscriptionsOfDeletedTenants {

    private static final Logger LOG = Logger.getLogger(SubscriptionsOfDeletedTenants.class.getName());

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    PaymentProvider provider;

    @Inject
    PlanSubscriptions plans;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    SubscriptionsOfDeletedTenants self;

    void onDeleting(@Observes TenantDeleting deleting) {
        if (!provider.isConfigured()) {
            return;
        }
        List<String> subscriptions = new ArrayList<>(currentTenant.runAs(deleting.tenant(), self::membersLive));
        plans.liveSubscriptionOf(deleting.tenant().id()).ifPresent(subscriptions::add);
        for (String subscription : subscriptions) {
            provider.cancelNow(subscription);
        }
        if (!subscriptions.isEmpty()) {
            LOG.info(() -> "Tenant " + deleting.tenant().slug() + " is being deleted: " + subscriptions.size()
                    + " subscription(s) cancelled at the payment provider");
        }
    }

    @TenantTransactional
    public List<String> membersLive() {
        return em.createQuery(
                        "select m.subscriptionId from Membership m where m.status in :live"
                                + " and m.subscriptionId is not null",
                        String.class)
                .setParameter("live", List.of(Membership.Status.ACTIVE, Membership.Status.PAST_DUE))
                .getResultList();
    }
}
