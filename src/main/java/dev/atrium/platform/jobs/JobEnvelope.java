package dev.atrium.platform.jobs;

import java.util.UUID;

/** What db-scheduler stores for a job: its tenant and its data, as JSON (never Java serialisation). */
public record JobEnvelope(UUID tenantId, String data) {}
