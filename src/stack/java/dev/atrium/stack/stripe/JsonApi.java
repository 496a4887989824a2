package dev.atrium.stack.stripe;

import com.google.gson.JsonElement;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.TreeMap;

/**
 * An API answered as Stripe answers: the secret key as a Bearer token (or as the Basic user name, as curl's
 * {@code -u sk_test_…:} sends it), parameters form-encoded, JSON answers with a {@code Request-Id}, errors in
 * Stripe's format, {@code expand[]}, and idempotent replays of POSTs that carry an {@code Idempotency-Key}. Both the
 * Stripe API ({@code /v1}) and the control API ({@code /local}) are served this way.
 */
final class JsonApi implements HttpHandler {

    private final String secretKey;
    private final Routes routes;
    private final Set<String> openPaths;
    private final StateGuard state;
    private final Expansion expansion;
    private final Events events;
    private final IdempotencyKeys idempotencyKeys;

    /** {@code idempotencyKeys} null for an API that replays nothing; {@code openPaths} answered without a key. */
    JsonApi(
            String secretKey,
            Routes routes,
            Set<String> openPaths,
            StateGuard state,
            Expansion expansion,
            Events events,
            IdempotencyKeys idempotencyKeys) {
        this.secretKey = secretKey;
        this.routes = routes;
        this.openPaths = openPaths;
        this.state = state;
        this.expansion = expansion;
        this.events = events;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** What a request is answered with. */
    private record Answer(int status, String body, boolean replayed) {}

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = "req_" + Ids.random(14);
        exchange.getResponseHeaders().set("Request-Id", requestId);
        exchange.getResponseHeaders().set("Stripe-Version", Events.API_VERSION);
        Answer answer;
        try {
            answer = answer(exchange, requestId);
        } catch (ApiError refused) {
            answer = new Answer(refused.status(), Json.write(refused.body()), false);
        } catch (RuntimeException failed) {
            System.err.println("[stripe] " + requestId + " failed: " + failed);
            failed.printStackTrace();
            answer = new Answer(
                    500,
                    Json.write(ApiError.internal("An unexpected error occurred (" + requestId + ").")
                            .body()),
                    false);
        }
        if (answer.replayed()) {
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        Http.json(exchange, answer.status(), answer.body());
    }

    private Answer answer(HttpExchange exchange, String requestId) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (!openPaths.contains(path)) {
            authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        }
        if (exchange.getRequestHeaders().getFirst("Stripe-Account") != null) {
            throw ApiError.invalid(
                    null,
                    null,
                    "The local Stripe does not act as connected accounts: requests with a Stripe-Account header are"
                            + " not supported.");
        }
        String form = method.equals("POST") ? Http.body(exchange) : Http.query(exchange);
        Parameters params = Parameters.parse(form);
        Routes.Match match = routes.find(method, path);
        if (match == null) {
            throw ApiError.unknownRoute(method, path);
        }
        Call call = new Call(method, path, match.values(), params);
        String key = method.equals("POST") && idempotencyKeys != null
                ? exchange.getRequestHeaders().getFirst("Idempotency-Key")
                : null;
        if (key != null) {
            exchange.getResponseHeaders().set("Idempotency-Key", key);
        }
        Events.Origin origin = new Events.Origin(requestId, key);
        if (method.equals("GET")) {
            return state.read(() -> run(match, call, origin));
        }
        return state.change(() -> key == null ? run(match, call, origin) : once(key, match, call, origin, form));
    }

    private Answer once(String key, Routes.Match match, Call call, Events.Origin origin, String form) {
        String request = call.method() + " " + call.path() + "?" + canonical(form);
        IdempotencyKeys.Answer kept = idempotencyKeys.replay(key, request);
        if (kept != null) {
            return new Answer(kept.status(), kept.body(), true);
        }
        try {
            Answer answer = run(match, call, origin);
            idempotencyKeys.keep(key, request, answer.status(), answer.body());
            return answer;
        } catch (ApiError refused) {
            if (!refused.rejectedBeforeRunning()) {
                idempotencyKeys.keep(key, request, refused.status(), Json.write(refused.body()));
            }
            throw refused;
        }
    }

    /** The parameters in a stable order, so that the same parameters sent in another order are the same request. */
    private static String canonical(String form) {
        TreeMap<String, String> sorted = new TreeMap<>();
        for (String pair : form.split("&")) {
            sorted.merge(pair, pair, (a, b) -> a + "&" + b);
        }
        return String.join("&", sorted.values());
    }

    private Answer run(Routes.Match match, Call call, Events.Origin origin) {
        events.originate(origin);
        try {
            JsonElement result = match.operation().run(call);
            JsonElement rendered = expansion.render(result, call.params().strings("expand"));
            return new Answer(200, Json.write(rendered), false);
        } finally {
            events.originate(Events.Origin.NONE);
        }
    }

    private void authenticate(String authorization) {
        String presented = presentedKey(authorization);
        if (presented == null || !presented.equals(secretKey)) {
            throw ApiError.authentication(presented);
        }
    }

    private static String presentedKey(String authorization) {
        if (authorization == null) {
            return null;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basicUser(authorization.substring(6).trim());
        }
        return authorization;
    }

    /** The user name of Basic credentials, where curl's {@code -u sk_test_…:} puts the key. */
    private static String basicUser(String credentials) {
        try {
            String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return credentials;
        }
    }
}
