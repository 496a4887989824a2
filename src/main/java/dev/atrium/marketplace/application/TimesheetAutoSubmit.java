package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.ContractStatus;
import dev.atrium.marketplace.domain.Timesheet;
import dev.atrium.marketplace.domain.TimesheetStatus;
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
import java.util.UUID;

/**
 * A week with time in it that its professional never submitted goes to the client on its own once no more time can be
 * logged in it (see {@link dev.atrium.marketplace.domain.IsoWeek#closedEverywhereAt}), so that forgotten hours are
 * still approved and paid. One job per week, scheduled in the transaction that made the week; when it runs it submits
 * the week only if it is still open and has time in it (an empty week asks nothing of the client).
 */
@ApplicationScoped
public class TimesheetAutoSubmit implements JobHandler<TimesheetAutoSubmit.Request> {

    static final String KIND = "marketplace.timesheet-auto-submit";

    public record Request(UUID timesheetId) {}

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    TimesheetNotifications notifications;

    @Inject
    Now clock;

    @Inject
    TimesheetAutoSubmit self;

    static void schedule(Jobs jobs, Timesheet week) {
        jobs.schedule(
                KIND,
                "timesheet-" + week.id(),
                new Request(week.id()),
                week.week().closedEverywhereAt());
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
        self.submitIfLeftOpen(request);
    }

    @TenantTransactional
    public void submitIfLeftOpen(Request request) {
        UUID contractId = em.createQuery("select t.contractId from ContractTimesheet t where t.id = :t", UUID.class)
                .setParameter("t", request.timesheetId())
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (contractId == null) {
            return;
        }
        // The contract's lock, as every change of its time takes: the professional may be submitting it right now.
        Contract contract = em.find(Contract.class, contractId, LockModeType.PESSIMISTIC_WRITE);
        Timesheet week = em.find(Timesheet.class, request.timesheetId());
        if (contract.status() == ContractStatus.ENDED || week.status() != TimesheetStatus.OPEN || week.minutes() == 0) {
            return;
        }
        week.submit(true, clock.dateTime());
        em.flush();
        notifications.weekSubmitted(contract, week, null);
    }
}
