package dev.atrium.billing.application;

import dev.atrium.billing.domain.Membership;
import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.identity.MemberRemoved;
import dev.atrium.platform.jobs.JobHandler;
import dev.atrium.platform.jobs.JobRun;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * A member removed from the tenant is not billed again: their live memberships are cancelled at the provider at once
 * (a job after the removal commits, since the provider is not called inside a transaction). The provider's
 * {@code customer.subscription.deleted} then ends them here and takes their entitlements back. Nothing already paid is
 * refunded automatically.
 */
@ApplicationScoped
public class MembershipsOfDepartedMembers implements JobHandler<MembershipsOfDepartedMembers.Request> {

    static final String KIND = "billing.end-memberships";

    /** The job's data. */
    public record Request(UUID memberId) {}

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    PaymentProvider provider;

    @Inject
    Now clock;

    @Inject
    MembershipsOfDepartedMembers self;

    void onRemoved(@Observes MemberRemoved removed) {
        jobs.schedule(
                KIND,
                "member-" + removed.memberId(),
                new Request(removed.memberId()),
                clock.dateTime().toInstant());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Request> data() {
        return Request.class;
    }

    @Override
    public void run(Request request, JobRun run) {
        if (!provider.isConfigured()) {
            return;
        }
        for (String subscription : self.liveSubscriptions(request.memberId())) {
            provider.cancelNow(subscription);
        }
    }

    @TenantTransactional
    public List<String> liveSubscriptions(UUID memberId) {
        return em.createQuery(
                        "select m.subscriptionId from Membership m where m.memberId = :member and m.status in :live"
                                + " and m.subscriptionId is not null",
                        String.class)
                .setParameter("member", memberId)
                .setParameter("live", List.of(Membership.Status.ACTIVE, Membership.Status.PAST_DUE))
                .getResultList();
    }
}
