package dev.atrium.platform.probe;

import dev.atrium.platform.outbox.OutboxEvent;
import java.util.UUID;

/** The outbox probe's event. Also the job probe's data. */
@OutboxEvent("platform.probe-requested")
public record ProbeRequested(UUID probeId) {}
