package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.Milestone;
import dev.atrium.marketplace.domain.Submission;
import dev.atrium.platform.jobs.JobHandler;
import dev.atrium.platform.jobs.JobRun;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Work the client has not answered within the tenant's window is released to the professional (Upwork's rule, so a
 * silent client cannot hold a professional's money hostage). A job per submission, scheduled in the transaction that
 * recorded it for the moment the window ends; when it runs, it releases only if that same submission is still
 * unanswered (the client may have approved, asked for changes or disputed meanwhile).
 */
@ApplicationScoped
public class AutoRelease implements JobHandler<AutoRelease.Request> {

    static final String KIND = "marketplace.auto-release";

    /** The job's data: the milestone and the submission (by its moment) whose window ended. */
    public record Request(UUID milestoneId, OffsetDateTime submittedAt) {}

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    ContractDesk contracts;

    @Inject
    Now clock;

    @Inject
    AutoRelease self;

    static void schedule(Jobs jobs, Milestone milestone) {
        jobs.schedule(
                KIND,
                "milestone-" + milestone.id() + "-"
                        + milestone.submittedAt().toInstant().toEpochMilli(),
                new Request(milestone.id(), milestone.submittedAt()),
                milestone.releaseDueAt().toInstant());
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
        self.releaseIfDue(request);
    }

    @TenantTransactional
    public void releaseIfDue(Request request) {
        Milestone milestone = em.find(Milestone.class, request.milestoneId(), LockModeType.PESSIMISTIC_WRITE);
        if (milestone == null || !milestone.releaseDue(request.submittedAt(), clock.dateTime())) {
            return;
        }
        Contract contract = em.find(Contract.class, milestone.contractId(), LockModeType.PESSIMISTIC_WRITE);
        contracts.release(contract, milestone, Submission.Answer.AUTO_APPROVED, null);
    }
}
