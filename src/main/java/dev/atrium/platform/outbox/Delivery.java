package dev.atrium.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One consumer's delivery of one event.
 *
 * @param eventId the event's id, increasing in the order events were written
 * @param consumer the consumer's name
 * @param tenantId the tenant the event belongs to, or null for platform events
 * @param attempt 1 for the first attempt
 * @param occurredAt when the change that raised the event committed its write
 */
public record Delivery(long eventId, String consumer, UUID tenantId, int attempt, OffsetDateTime occurredAt) {

    /** The same for every attempt of this delivery, different for every other: the consumer's idempotency key. */
    public String key() {
        return eventId + ":" + consumer;
    }
}
