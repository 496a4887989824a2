package dev.atrium.billing.application;

import dev.atrium.platform.jobs.JobHandler;
import dev.atrium.platform.jobs.JobRun;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.persistence.TenantTransactional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A payout account became able to receive transfers: the payouts owed to its holder (a professional released money
 * before finishing onboarding, or the tenant before opening its account) are sent now. A job of the holder's tenant,
 * scheduled when the account's state is recorded.
 */
@ApplicationScoped
public class PayoutsToReadyAccounts implements JobHandler<PayoutsToReadyAccounts.Request> {

    static final String KIND = "billing.payouts-to-ready-account";

    /** The job's data. @param memberId the holder, or null for the tenant's own account */
    public record Request(UUID memberId) {}

    @Inject
    EscrowSettlement settlement;

    @Inject
    Jobs jobs;

    @Inject
    PayoutsToReadyAccounts self;

    /** Schedules the job for an account's holder; @param eventId the account's event (one job per event) */
    public void schedule(UUID tenantId, UUID memberId, String eventId) {
        jobs.schedule(tenantId, KIND, eventId, new Request(memberId), Instant.now());
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
        for (UUID hold : self.owing(request.memberId())) {
            settlement.settle(hold);
        }
    }

    @TenantTransactional
    public List<UUID> owing(UUID memberId) {
        return settlement.owing(memberId);
    }
}
