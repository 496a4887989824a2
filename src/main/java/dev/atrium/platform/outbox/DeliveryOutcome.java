package dev.atrium.platform.outbox;

/** What became of one attempt. */
record DeliveryOutcome(Kind kind, String reason) {

    enum Kind {
        DELIVERED,
        /** Not delivered this time: tried again after a backoff, or kept as failed after the consumer's last attempt. */
        FAILED,
        /** Never to be delivered: the event's tenant no longer exists. */
        DISCARDED
    }

    static DeliveryOutcome delivered() {
        return new DeliveryOutcome(Kind.DELIVERED, null);
    }

    static DeliveryOutcome failed(String reason) {
        return new DeliveryOutcome(Kind.FAILED, reason);
    }

    static DeliveryOutcome discarded(String reason) {
        return new DeliveryOutcome(Kind.DISCARDED, reason);
    }
}
