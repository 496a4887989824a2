package dev.atrium.platform.live;

import dev.atrium.platform.outbox.OutboxEvent;
import java.util.List;
import java.util.UUID;

/**
 * An event for members' live connections, on its way from the transaction that raised it to the tenant's log.
 *
 * @param data the event's data as JSON text, stored and sent as it is
 */
@OutboxEvent("live.event")
public record LiveEventRaised(String type, List<UUID> recipients, String data) {}
