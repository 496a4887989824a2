package dev.atrium.platform.outbox;

/**
 * Takes one kind of outbox event and does something outside the database with it (sends a mail, pushes to a socket,
 * calls a webhook). A CDI bean; each consumer of an event gets its own delivery, retried on its own.
 *
 * <p>Delivery is at least once: the same event can arrive again (a replica died after sending and before recording
 * it), so a consumer is idempotent, keyed on {@link Delivery#key()}. Events of a tenant are delivered with that
 * tenant selected ({@code CurrentTenant}), so the consumer can call the tenant's use cases; events of a tenant that
 * no longer exists are discarded, not delivered.
 */
public interface OutboxConsumer<E> {

    /** A stable name, stored with each delivery ({@code module.what-it-does}, e.g. {@code mail.welcome}). */
    String name();

    /** The event record this consumer takes (annotated {@link OutboxEvent}). */
    Class<E> event();

    /** Delivers the event; an exception means "not delivered" and the delivery is tried again later. */
    void deliver(E event, Delivery delivery) throws Exception;

    /** How many attempts before the delivery is kept as failed for an operator. */
    default int maxAttempts() {
        return 8;
    }
}
