package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;
import java.time.Clock;

/**
 * The platform's Stripe account as this server keeps it (Stripe Connect calls the account that makes charges and
 * pays connected accounts "the platform"): its objects, its clock, its events and its balance. Every resource works on
 * it, under {@link LocalStripe}'s lock.
 */
final class Platform {

    private final Store store;
    private final Fixtures fixtures;
    private final Clock clock;
    private final String baseUrl;
    private final Ledger ledger;
    private final Events events;
    private final java.util.List<Runnable> afterwards = new java.util.ArrayList<>();

    Platform(Store store, Fixtures fixtures, Clock clock, String baseUrl, Deliveries deliveries) {
        this.store = store;
        this.fixtures = fixtures;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.ledger = new Ledger(this);
        this.events = new Events(this, deliveries);
    }

    Store store() {
        return store;
    }

    Fixtures fixtures() {
        return fixtures;
    }

    Ledger ledger() {
        return ledger;
    }

    Events events() {
        return events;
    }

    /** Where this server is reached, for the addresses of its pages ({@code http://localhost:18111}). */
    String baseUrl() {
        return baseUrl;
    }

    /** Work Stripe does shortly after an operation (a test card's dispute), run once the operation is done. */
    void afterwards(Runnable work) {
        afterwards.add(work);
    }

    void runAfterwards() {
        while (!afterwards.isEmpty()) {
            afterwards.remove(0).run();
        }
    }

    /** Now, in Unix seconds as Stripe's timestamps are. */
    long now() {
        return clock.instant().getEpochSecond();
    }

    /** A new object of the resource with a fresh id and creation time, kept in the store. */
    JsonObject create(String resource, String idPrefix) {
        JsonObject object = build(resource, idPrefix);
        store.add(object);
        return object;
    }

    /** A new object of the resource with a fresh id and creation time that lives inside another (not stored). */
    JsonObject build(String resource, String idPrefix) {
        JsonObject object = fixtures.newObject(resource);
        if (idPrefix != null) {
            object.addProperty("id", Ids.next(idPrefix));
        }
        if (object.has("created")) {
            object.addProperty("created", now());
        }
        return object;
    }
}
