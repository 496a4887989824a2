package dev.atrium.identity.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keycloak's admin REST API for the {@code atrium} realm, called as the platform's service account (client
 * credentials). The JDK's HTTP client and JSON-P are used rather than keycloak-admin-client: that library brings its
 * own RESTEasy and Jackson, which would be scanned as providers by, or clash with, Liberty's own JAX-RS runtime
 * (docs/dependencies.md says more).
 *
 * <p>Every call has a timeout, so a Keycloak that hangs fails a request instead of holding its thread.
 */
@ApplicationScoped
public class KeycloakAdminApi {

    @Inject
    @ConfigProperty(name = "atrium.keycloak.url", defaultValue = "http://localhost:8180")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "atrium.keycloak.realm", defaultValue = "atrium")
    String realm;

    @Inject
    @ConfigProperty(name = "atrium.keycloak.client-id", defaultValue = "atrium-platform")
    String clientId;

    @Inject
    @ConfigProperty(name = "atrium.keycloak.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "atrium.keycloak.timeout", defaultValue = "PT10S")
    Duration timeout;

    private HttpClient http;
    private volatile ServiceToken token;

    private record ServiceToken(String value, long expiresAtNanos) {
        boolean isFresh() {
            return System.nanoTime() < expiresAtNanos;
        }
    }

    @PostConstruct
    void connect() {
        http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public String realm() {
        return realm;
    }

    /** GET of one resource; a 404 is an empty answer. */
    public Optional<JsonObject> find(String path) {
        HttpResponse<String> response = send("GET", path, null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        requireSuccess("GET", path, response);
        return Optional.of(parse(response.body()).asJsonObject());
    }

    public JsonArray list(String path, Map<String, String> query) {
        String target = query.isEmpty() ? path : path + "?" + form(query);
        HttpResponse<String> response = send("GET", target, null);
        requireSuccess("GET", path, response);
        return parse(response.body()).asJsonArray();
    }

    /** POST that creates a resource. @return its id (the last segment of {@code Location}), or empty on 409 */
    public Optional<String> create(String path, JsonStructure body) {
        HttpResponse<String> response = send("POST", path, body);
        if (response.statusCode() == 409) {
            return Optional.empty();
        }
        requireSuccess("POST", path, response);
        String location = response.headers().firstValue("Location").orElse("");
        return Optional.of(location.substring(location.lastIndexOf('/') + 1));
    }

    /** POST that does not create an addressable resource (memberships, role grants); 409 (already so) is success. */
    public void post(String path, JsonValue body) {
        HttpResponse<String> response = send("POST", path, body);
        if (response.statusCode() != 409) {
            requireSuccess("POST", path, response);
        }
    }

    public void put(String path, JsonValue body) {
        requireSuccess("PUT", path, send("PUT", path, body));
    }

    /** DELETE, with an optional body (role grants are removed that way); an absent resource is fine. */
    public void delete(String path, JsonValue body) {
        HttpResponse<String> response = send("DELETE", path, body);
        if (response.statusCode() != 404) {
            requireSuccess("DELETE", path, response);
        }
    }

    private HttpResponse<String> send(String method, String path, JsonValue body) {
        HttpResponse<String> response = sendOnce(method, path, body, serviceToken(false));
        if (response.statusCode() == 401) {
            response = sendOnce(method, path, body, serviceToken(true));
        }
        return response;
    }

    private HttpResponse<String> sendOnce(String method, String path, JsonValue body, String bearer) {
        HttpRequest.BodyPublisher payload = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json")
                .method(method, payload);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request.build(), method + " " + path);
    }

    private String serviceToken(boolean renew) {
        ServiceToken current = token;
        if (!renew && current != null && current.isFresh()) {
            return current.value();
        }
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        clientId,
                        "client_secret",
                        clientSecret.orElse("")))))
                .build();
        HttpResponse<String> response = exchange(request, "token request");
        if (response.statusCode() != 200) {
            throw new IdentityProviderException(
                    "Keycloak refused the platform's service account (HTTP " + response.statusCode() + ")", null);
        }
        JsonObject json = parse(response.body()).asJsonObject();
        long lifetimeSeconds = json.getJsonNumber("expires_in").longValue();
        // Renewed half-way through its life, so a token never expires between this check and Keycloak's.
        ServiceToken fresh = new ServiceToken(
                json.getString("access_token"),
                System.nanoTime() + Duration.ofSeconds(lifetimeSeconds / 2).toNanos());
        token = fresh;
        return fresh.value();
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException unreachable) {
            throw new IdentityProviderException(
                    "Keycloak could not be reached (" + what + ": "
                            + unreachable.getClass().getSimpleName() + ")",
                    unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IdentityProviderException("Interrupted while calling Keycloak (" + what + ")", interrupted);
        }
    }

    private static void requireSuccess(String method, String path, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        throw new IdentityProviderException(
                "Keycloak answered " + status + " to " + method + " " + path.replaceAll("\\?.*", "")
                        + errorMessage(response.body()),
                null);
    }

    private static String errorMessage(String body) {
        if (body == null || body.isBlank() || !body.trim().startsWith("{")) {
            return "";
        }
        try {
            JsonObject error = parse(body).asJsonObject();
            String message = error.getString("errorMessage", error.getString("error", ""));
            return message.isEmpty() ? "" : " (" + message + ")";
        } catch (RuntimeException unparsable) {
            return "";
        }
    }

    private static JsonValue parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }

    static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
