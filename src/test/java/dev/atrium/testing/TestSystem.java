package dev.atrium.testing;

import dev.atrium.stack.LocalStack;
import dev.atrium.stack.StackProfile;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The running test system as the integration tests see it: its URLs and real tokens from its Keycloak. */
public final class TestSystem {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static volatile LocalStack stack;

    private TestSystem() {}

    static void use(LocalStack started) {
        stack = started;
    }

    private static LocalStack stack() {
        if (stack == null) {
            throw new IllegalStateException("The test system is not running: run the integration tests through"
                    + " failsafe (./mvnw verify), which sets atrium.stack=test.");
        }
        return stack;
    }

    /** Kills the application server (SIGKILL) and starts it again; the database and Keycloak keep running. */
    public static void crashAndRestartApplication() {
        try {
            stack().crashAndRestartApplication();
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }

    /** Starts a second application replica on these ports, sharing every service (for benchmarks across replicas). */
    public static dev.atrium.stack.LocalStack.Replica startReplica(int httpPort, int httpsPort) {
        try {
            return stack().startReplica(httpPort, httpsPort);
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }

    /** The application server's JVM process id (to read its heap). */
    public static long applicationPid() {
        return stack().applicationPid();
    }

    /** The local Stripe, for tests and benchmarks that play the buyer, the bank and time in the same JVM. */
    public static dev.atrium.stack.stripe.LocalStripe stripe() {
        return stack().stripe();
    }

    public static StackProfile profile() {
        return stack().profile();
    }

    public static String baseUrl() {
        return profile().baseUrl();
    }

    public static String issuer() {
        return stack().issuer();
    }

    /** An access token for a realm user, through the password grant of the development client. */
    public static String passwordToken(String username, String password) {
        return token(Map.of(
                "grant_type",
                "password",
                "client_id",
                StackProfile.CLI_CLIENT_ID,
                "username",
                username,
                "password",
                password));
    }

    /**
     * An access token for a tenant member, through the password grant of the tenant's own client, asking for the
     * tenant's organisation as a frontend does (a member of several organisations gets no claim otherwise).
     */
    public static String tenantToken(String slug, String username, String password) {
        return cachedToken(tenantTokenForm(slug, username, password));
    }

    /** A new token, not one from the cache: for tests that need the roles Keycloak holds now in the token. */
    public static String freshTenantToken(String slug, String username, String password) {
        Map<String, String> form = tenantTokenForm(slug, username, password);
        TOKENS.remove(form);
        return cachedToken(form);
    }

    private static Map<String, String> tenantTokenForm(String slug, String username, String password) {
        return Map.of(
                "grant_type",
                "password",
                "client_id",
                "tenant-" + slug,
                "scope",
                "openid organization:" + slug,
                "username",
                username,
                "password",
                password);
    }

    /** An access token of Keycloak's own administrator (master realm), for arranging test situations. */
    public static String keycloakAdminToken() {
        return token(
                profile().keycloakUrl() + "/realms/master",
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        StackProfile.KEYCLOAK_ADMIN_USERNAME,
                        "password",
                        profile().keycloakAdminPassword()));
    }

    public static String operatorToken() {
        return cachedToken(Map.of(
                "grant_type",
                "password",
                "client_id",
                StackProfile.CLI_CLIENT_ID,
                "username",
                StackProfile.OPERATOR_USERNAME,
                "password",
                profile().operatorPassword()));
    }

    /** An access token for the platform service account, through the client-credentials grant. */
    public static String serviceAccountToken() {
        return token(Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                StackProfile.PLATFORM_CLIENT_ID,
                "client_secret",
                profile().platformClientSecret()));
    }

    /**
     * Tokens are reused for their lifetime less a minute: a grant costs Keycloak a password hash (about 100 ms on two
     * cores), and the suite asks for thousands of them otherwise.
     */
    private static final Map<Map<String, String>, CachedToken> TOKENS = new ConcurrentHashMap<>();

    private record CachedToken(String value, long freshUntilNanos) {}

    private static String cachedToken(Map<String, String> form) {
        CachedToken cached = TOKENS.get(form);
        if (cached != null && System.nanoTime() < cached.freshUntilNanos()) {
            return cached.value();
        }
        JsonObject answer = tokenAnswer(issuer(), form);
        long lifetimeSeconds = Math.max(0, answer.getJsonNumber("expires_in").longValue() - 60);
        String token = answer.getString("access_token");
        TOKENS.put(form, new CachedToken(token, System.nanoTime() + lifetimeSeconds * 1_000_000_000L));
        return token;
    }

    private static String token(Map<String, String> form) {
        return token(issuer(), form);
    }

    private static String token(String realmUrl, Map<String, String> form) {
        return tokenAnswer(realmUrl, form).getString("access_token");
    }

    private static JsonObject tokenAnswer(String realmUrl, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the token request: " + response.body());
            }
            return Json.createReader(new StringReader(response.body())).readObject();
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
