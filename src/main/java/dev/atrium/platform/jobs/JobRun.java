package dev.atrium.platform.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of a job.
 *
 * @param kind the handler's kind
 * @param id the job's id (unique per kind; the idempotency key of the work)
 * @param tenantId the tenant it works for, or null for platform jobs
 * @param attempt 1 for the first run
 * @param due when it was due (its scheduled time, or the retry's)
 */
public record JobRun(String kind, String id, UUID tenantId, int attempt, Instant due) {}
