package dev.atrium.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A delivery the relay has leased, with its event. */
record ClaimedDelivery(
        long eventId,
        String consumer,
        int attempt,
        UUID tenantId,
        String type,
        String payload,
        OffsetDateTime occurredAt) {

    Delivery delivery() {
        return new Delivery(eventId, consumer, tenantId, attempt, occurredAt);
    }
}
