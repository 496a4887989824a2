package dev.atrium.stack.stripe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stripe's events: each records a copy of the object as it was when something happened to it, and is sent to every
 * webhook endpoint that wants its type. An event about a connected account carries the account's id in
 * {@code account} and goes to the Connect endpoints only; every other event goes to the platform's endpoints.
 */
final class Events {

    static final String API_VERSION = "2026-07-29.dahlia";

    /** The API request an event came from, if any (events of a buyer's page or of the control API have none). */
    record Origin(String requestId, String idempotencyKey) {
        static final Origin NONE = new Origin(null, null);
    }

    private final Platform platform;
    private final Deliveries deliveries;
    private Origin origin = Origin.NONE;

    Events(Platform platform, Deliveries deliveries) {
        this.platform = platform;
        this.deliveries = deliveries;
    }

    /** Attributes the events made until the next call to this API request. */
    void originate(Origin origin) {
        this.origin = origin;
    }

    JsonObject emit(String type, JsonObject object) {
        return emit(type, object, null, null);
    }

    JsonObject emit(String type, JsonObject object, JsonObject previousAttributes) {
        return emit(type, object, previousAttributes, null);
    }

    /** An event about an object of a connected account: delivered to Connect endpoints only. */
    JsonObject emitForAccount(String type, JsonObject object, JsonObject previousAttributes, String account) {
        return emit(type, object, previousAttributes, account);
    }

    private JsonObject emit(String type, JsonObject object, JsonObject previousAttributes, String account) {
        JsonObject event = platform.create("event", "evt");
        event.addProperty("api_version", API_VERSION);
        JsonObject data = new JsonObject();
        data.add("object", object.deepCopy());
        if (previousAttributes != null) {
            data.add("previous_attributes", previousAttributes);
        }
        event.add("data", data);
        JsonObject request = new JsonObject();
        Json.put(request, "id", origin.requestId());
        Json.put(request, "idempotency_key", origin.idempotencyKey());
        event.add("request", request);
        event.addProperty("type", type);
        if (account != null) {
            event.addProperty("account", account);
        }
        List<JsonObject> endpoints = endpointsFor(event);
        event.addProperty("pending_webhooks", endpoints.size());
        send(event, endpoints);
        return event;
    }

    /** Sends an event again to every endpoint that wants it now (the control API's redelivery). */
    void redeliver(JsonObject event) {
        List<JsonObject> endpoints = endpointsFor(event);
        event.addProperty("pending_webhooks", Json.amount(event, "pending_webhooks") + endpoints.size());
        send(event, endpoints);
    }

    /** An endpoint accepted the event: one fewer endpoint is waiting for it. */
    void delivered(String eventId) {
        JsonObject event = platform.store().find("event", eventId);
        if (event != null && Json.amount(event, "pending_webhooks") > 0) {
            event.addProperty("pending_webhooks", Json.amount(event, "pending_webhooks") - 1);
        }
    }

    private void send(JsonObject event, List<JsonObject> endpoints) {
        String body = Json.write(event);
        for (JsonObject endpoint : endpoints) {
            String id = Json.string(endpoint, "id");
            deliveries.enqueue(new Deliveries.Delivery(
                    Json.string(event, "id"),
                    Json.string(event, "type"),
                    id,
                    Json.string(endpoint, "url"),
                    WebhookEndpoints.secretOf(platform.store(), id),
                    body));
        }
    }

    /** The enabled endpoints that want this event: by type ({@code *} for all), and Connect or not by the event. */
    List<JsonObject> endpointsFor(JsonObject event) {
        boolean connectEvent = event.has("account");
        String type = Json.string(event, "type");
        List<JsonObject> matching = new ArrayList<>();
        for (JsonObject endpoint : platform.store().all("webhook_endpoint")) {
            boolean enabled = "enabled".equals(Json.string(endpoint, "status"));
            boolean connectEndpoint = WebhookEndpoints.isConnect(platform.store(), Json.string(endpoint, "id"));
            List<String> wanted = Json.strings(Json.array(endpoint, "enabled_events"));
            if (enabled && connectEndpoint == connectEvent && (wanted.contains("*") || wanted.contains(type))) {
                matching.add(endpoint);
            }
        }
        return matching;
    }

    /**
     * Stripe's {@code previous_attributes}: the earlier value of every top-level field that changed, so that a
     * webhook consumer sees what an update changed.
     */
    static JsonObject changes(JsonObject before, JsonObject after) {
        JsonObject previous = new JsonObject();
        for (var entry : before.entrySet()) {
            JsonElement now = after.get(entry.getKey());
            if (!Objects.equals(entry.getValue(), now)) {
                previous.add(entry.getKey(), entry.getValue().deepCopy());
            }
        }
        return previous;
    }
}
