package dev.atrium.platform.jobs;

import java.time.Duration;

/**
 * Platform work repeated at a fixed delay (a CDI bean): clean-ups and sweeps. Each period it runs on one replica
 * only; a failure is logged and the job runs again at its next period.
 */
public interface RecurringJob {

    /** A stable name ({@code module.what-it-does}). */
    String name();

    Duration every();

    void run() throws Exception;
}
