package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * Webhook endpoints and the events they receive. Stripe shows an endpoint's signing secret only when it is created;
 * the secret and whether the endpoint is a Connect endpoint (receiving connected accounts' events) are kept as local
 * state.
 */
final class WebhookEndpoints {

    private static final ParameterSpec CREATE =
            ParameterSpec.of("url", "enabled_events[]", "connect", "description", "metadata[*]", "api_version");
    private static final ParameterSpec UPDATE =
            ParameterSpec.of("url", "enabled_events[]", "description", "metadata[*]", "disabled");
    private static final ParameterSpec LIST_EVENTS = ParameterSpec.list("type", "created[*]", "created");

    private final Platform platform;

    WebhookEndpoints(Platform platform) {
        this.platform = platform;
    }

    void register(Routes routes) {
        routes.post("/v1/webhook_endpoints", call -> create(call.params()));
        routes.get("/v1/webhook_endpoints", call -> list(call.params()));
        routes.get("/v1/webhook_endpoints/{}", call -> endpoint(call.id()));
        routes.post("/v1/webhook_endpoints/{}", call -> update(call.id(), call.params()));
        routes.delete("/v1/webhook_endpoints/{}", call -> delete(call.id()));
        routes.get("/v1/events", call -> events(call.params()));
        routes.get("/v1/events/{}", call -> platform.store().get("event", call.id(), "event"));
    }

    static String secretOf(Store store, String endpointId) {
        JsonObject local = store.findLocal(endpointId);
        return local == null ? null : Json.string(local, "secret");
    }

    static boolean isConnect(Store store, String endpointId) {
        JsonObject local = store.findLocal(endpointId);
        return local != null && Json.flag(local, "connect");
    }

    private JsonObject create(Parameters params) {
        params.allowOnly(CREATE);
        String url = params.requireUrl("url");
        if (params.strings("enabled_events").isEmpty()) {
            throw ApiError.missing("enabled_events");
        }
        Boolean connect = params.bool("connect");
        return register(url, params.strings("enabled_events"), connect != null && connect, null, params);
    }

    /**
     * Creates an endpoint; with a given secret (the local stack registers its endpoints with secrets known in
     * advance) instead of a new one. The answer is the only one that shows the secret, as on Stripe.
     */
    JsonObject register(String url, List<String> events, boolean connect, String secret, Parameters params) {
        requireUrl(url);
        JsonObject endpoint = platform.create("webhook_endpoint", "we");
        endpoint.addProperty("url", url);
        endpoint.add("enabled_events", Json.strings(events));
        Json.put(endpoint, "description", params.string("description"));
        Json.put(endpoint, "api_version", params.string("api_version"));
        endpoint.add("metadata", params.metadata());
        endpoint.addProperty("status", "enabled");
        JsonObject local = platform.store().local(Json.string(endpoint, "id"));
        local.addProperty("secret", secret != null ? secret : "whsec_" + Ids.random(32));
        local.addProperty("connect", connect);
        JsonObject answer = endpoint.deepCopy();
        answer.addProperty("secret", Json.string(local, "secret"));
        return answer;
    }

    /** Gives an existing endpoint another secret and events (the local stack's endpoints, kept across runs). */
    JsonObject reconfigure(JsonObject endpoint, List<String> events, String secret) {
        endpoint.add("enabled_events", Json.strings(events));
        endpoint.addProperty("status", "enabled");
        platform.store().local(Json.string(endpoint, "id")).addProperty("secret", secret);
        return endpoint;
    }

    private static void requireUrl(String url) {
        if (!Parameters.isUrl(url)) {
            throw ApiError.invalidValue("url_invalid", "url", "Not a valid URL");
        }
    }

    private JsonObject endpoint(String id) {
        return platform.store().get("webhook_endpoint", id, "webhook endpoint");
    }

    private JsonObject list(Parameters params) {
        params.allowOnly(ParameterSpec.list());
        return Listing.page("/v1/webhook_endpoints", platform.store().newestFirst("webhook_endpoint"), params);
    }

    private JsonObject update(String id, Parameters params) {
        params.allowOnly(UPDATE);
        JsonObject endpoint = endpoint(id);
        if (params.url("url") != null) {
            endpoint.addProperty("url", params.url("url"));
        }
        if (params.has("enabled_events")) {
            endpoint.add("enabled_events", Json.strings(params.strings("enabled_events")));
        }
        if (params.has("description")) {
            Json.put(endpoint, "description", params.string("description"));
        }
        Boolean disabled = params.bool("disabled");
        if (disabled != null) {
            endpoint.addProperty("status", disabled ? "disabled" : "enabled");
        }
        params.applyMetadata(endpoint.getAsJsonObject("metadata"));
        return endpoint;
    }

    private JsonObject delete(String id) {
        endpoint(id);
        platform.store().remove(id);
        JsonObject deleted = platform.fixtures().newObject("deleted_webhook_endpoint");
        deleted.addProperty("id", id);
        return deleted;
    }

    private JsonObject events(Parameters params) {
        params.allowOnly(LIST_EVENTS);
        return Listing.page("/v1/events", platform.store().newestFirst("event"), params, "type");
    }
}
