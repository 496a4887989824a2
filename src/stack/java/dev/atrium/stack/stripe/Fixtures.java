package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Stripe's published fixture objects (fixtures.json, a subset of stripe/openapi's fixtures3.json) and what a new object
 * differs in from them (new-objects.json). Every object this server makes starts as a copy of its resource's fixture,
 * so that it has every field stripe-java expects, in Stripe's shapes for API version 2026-07-29.dahlia.
 */
final class Fixtures {

    private final JsonObject fixtures;
    private final JsonObject newObjects;

    private Fixtures(JsonObject fixtures, JsonObject newObjects) {
        this.fixtures = fixtures;
        this.newObjects = newObjects;
    }

    static Fixtures load() {
        return new Fixtures(read("fixtures.json"), read("new-objects.json"));
    }

    private static JsonObject read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource dev/atrium/stack/stripe/" + name);
            }
            return Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getAsJsonObject("resources");
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** A new object of the resource: the fixture, with the new-object differences, test mode, and no id yet. */
    JsonObject newObject(String resource) {
        JsonObject fixture = Json.object(fixtures, resource);
        if (fixture == null) {
            throw new IllegalArgumentException("No fixture for " + resource);
        }
        JsonObject object = fixture.deepCopy();
        JsonObject differences = Json.object(newObjects, resource);
        if (differences != null) {
            Json.merge(object, differences);
        }
        if (object.has("livemode")) {
            object.addProperty("livemode", false);
        }
        return object;
    }
}
