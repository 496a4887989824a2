package dev.atrium.platform.jobs;

/**
 * Runs one kind of job (a CDI bean). A job is scheduled with {@link Jobs#schedule} and runs once, on one replica, at
 * or after its time; if it throws, it runs again after a backoff, up to {@link #maxAttempts()}, and is then kept as
 * failed for an operator. A job may run more than once (a replica died while running it), so handlers are
 * idempotent. A tenant's job runs with that tenant selected ({@code CurrentTenant}); a job of a tenant that no
 * longer exists does not run.
 */
public interface JobHandler<D> {

    /** A stable name, stored with each job ({@code module.what-it-does}, e.g. {@code tenancy.delete-tenant}). */
    String kind();

    /** The job's data: a record, stored as JSON. */
    Class<D> data();

    void run(D data, JobRun run) throws Exception;

    default int maxAttempts() {
        return 5;
    }
}
