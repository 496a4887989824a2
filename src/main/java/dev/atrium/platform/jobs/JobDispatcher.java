package dev.atrium.platform.jobs;

import dev.atrium.platform.errors.StoreFailures;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.application.TenantDirectory;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs one job on a scheduler thread, in its own request context and with its tenant selected. */
@ApplicationScoped
public class JobDispatcher {

    private static final Logger LOG = Logger.getLogger(JobDispatcher.class.getName());

    @Inject
    TenantDirectory directory;

    @Inject
    CurrentTenant currentTenant;

    @ActivateRequestContext
    public void run(JobHandler<?> handler, JobRun run, String data) {
        if (run.tenantId() == null) {
            invoke(handler, run, data);
            return;
        }
        Optional<TenantRef> tenant = directory.workingRef(run.tenantId());
        if (tenant.isEmpty()) {
            LOG.info(() -> "Job " + run.kind() + "/" + run.id() + " not run: its tenant no longer exists");
            return;
        }
        currentTenant.runAs(tenant.get(), () -> {
            invoke(handler, run, data);
            return null;
        });
    }

    @ActivateRequestContext
    public void runRecurring(RecurringJob job) {
        try {
            try {
                job.run();
            } catch (Exception failure) {
                if (!StoreFailures.isConnectionLoss(failure)) {
                    throw failure;
                }
                // A pooled connection the database had closed (restart, failover): the pool has dropped them all
                // now, and the job is safe to repeat (recurring jobs are idempotent), so once more at once rather
                // than an hour later.
                job.run();
            }
        } catch (Exception failure) {
            LOG.log(Level.WARNING, failure, () -> "Recurring job " + job.name() + " failed; it runs again next period");
        }
    }

    private static <D> void invoke(JobHandler<D> handler, JobRun run, String data) {
        try {
            handler.run(JsonSerializer.read(handler.data(), data), run);
        } catch (RuntimeException failure) {
            throw failure;
        } catch (Exception failure) {
            throw new JobFailedException(failure);
        }
    }

    /** A handler's checked exception, carried through db-scheduler to the failure handler. */
    static final class JobFailedException extends RuntimeException {
        JobFailedException(Exception cause) {
            super(cause);
        }
    }
}
