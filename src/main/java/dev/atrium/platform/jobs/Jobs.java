package dev.atrium.platform.jobs;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.atrium.platform.persistence.AfterCommit;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * Schedules jobs. Inside a transaction the job is written in it: it exists exactly when the change that asked for it
 * was committed. A job id is unique per kind, so scheduling the same job twice keeps the first (ids name the work:
 * {@code tenant-<id>} for a tenant's deletion).
 */
@ApplicationScoped
public class Jobs {

    private static final Object CHECK_ON_COMMIT = new Object();

    @Inject
    JobScheduler scheduler;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    JobBoard board;

    @Inject
    AfterCommit afterCommit;

    /** A job for the selected tenant (or the platform, when none is selected). @return whether it was new */
    public boolean schedule(String kind, String id, Object data, Instant at) {
        return schedule(currentTenant.selected().map(TenantRef::id).orElse(null), kind, id, data, at);
    }

    /** A job for the given tenant, or for the platform when {@code tenantId} is null. @return whether it was new */
    public boolean schedule(UUID tenantId, String kind, String id, Object data, Instant at) {
        JobHandler<?> handler = scheduler
                .handler(kind)
                .orElseThrow(() -> new IllegalArgumentException("No job handler of kind '" + kind + "'"));
        if (!handler.data().isInstance(data)) {
            throw new IllegalArgumentException(
                    "Job " + kind + " takes " + handler.data().getSimpleName());
        }
        JobEnvelope envelope = new JobEnvelope(tenantId, JsonSerializer.write(data));
        boolean added = scheduler.client().scheduleIfNotExists(new TaskInstance<>(kind, id, envelope), at);
        if (added && !at.isAfter(Instant.now())) {
            afterCommit.once(CHECK_ON_COMMIT, scheduler::checkNow);
        }
        return added;
    }

    /** Cancels a job that has not run yet; @return whether there was one */
    public boolean cancel(String kind, String id) {
        TaskInstanceId instance = TaskInstanceId.of(kind, id);
        if (scheduler.client().getScheduledExecution(instance).isEmpty()) {
            return false;
        }
        try {
            scheduler.client().cancel(instance);
        } catch (com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException running) {
            throw new dev.atrium.platform.errors.ConflictException(
                    "job-running",
                    "Job running",
                    "Job " + kind + "/" + id + " is running right now; try again shortly.");
        } catch (com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException gone) {
            return false;
        }
        return true;
    }

    /** Drops the unrun and failed jobs of a tenant whose data is gone; in the deletion's transaction. */
    public void discardTenant(UUID tenantId) {
        board.discardTenant(tenantId);
    }
}
