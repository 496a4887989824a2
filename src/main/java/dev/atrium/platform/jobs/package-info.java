/**
 * Timed and deferred work that survives restarts and runs once across replicas (db-scheduler on PostgreSQL): one-time
 * jobs that carry their tenant, recurring platform jobs, retries with backoff, and failed jobs kept for an operator.
 */
package dev.atrium.platform.jobs;
