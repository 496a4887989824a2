package dev.atrium.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Readiness needs the signing keys once; a Keycloak outage after that is reported, not used to refuse traffic. */
class KeycloakReadinessCheckTest {

    /** Outside Liberty there is no MicroProfile Health runtime: a plain builder stands in for its response factory. */
    @BeforeAll
    static void responsesWithoutARuntime() {
        HealthCheckResponse.setResponseProvider(() -> new HealthCheckResponseBuilder() {
            private String name;
            private HealthCheckResponse.Status status = HealthCheckResponse.Status.DOWN;
            private final Map<String, Object> data = new LinkedHashMap<>();

            @Override
            public HealthCheckResponseBuilder name(String value) {
                name = value;
                return this;
            }

            @Override
            public HealthCheckResponseBuilder withData(String key, String value) {
                data.put(key, value);
                return this;
            }

            @Override
            public HealthCheckResponseBuilder withData(String key, long value) {
                data.put(key, value);
                return this;
            }

            @Override
            public HealthCheckResponseBuilder withData(String key, boolean value) {
                data.put(key, value);
                return this;
            }

            @Override
            public HealthCheckResponseBuilder up() {
                return status(true);
            }

            @Override
            public HealthCheckResponseBuilder down() {
                return status(false);
            }

            @Override
            public HealthCheckResponseBuilder status(boolean up) {
                status = up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN;
                return this;
            }

            @Override
            public HealthCheckResponse build() {
                return new HealthCheckResponse(name, status, Optional.of(Map.copyOf(data)));
            }
        });
    }

    @Test
    void notReadyBeforeTheKeysWereEverPublishedThenOnlyDegradedWhenKeycloakGoesAway() throws Exception {
        HttpServer keycloak = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keycloak.createContext("/certs", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("{}".getBytes());
            exchange.close();
        });
        KeycloakReadinessCheck check = new KeycloakReadinessCheck();
        check.jwksUri = "http://localhost:1/certs";
        HealthCheckResponse beforeStart = check.call();
        assertEquals(HealthCheckResponse.Status.DOWN, beforeStart.getStatus(), "no keys yet: nothing can be verified");

        keycloak.start();
        check.jwksUri = "http://localhost:" + keycloak.getAddress().getPort() + "/certs";
        assertEquals(HealthCheckResponse.Status.UP, check.call().getStatus());

        keycloak.stop(0);
        HealthCheckResponse outage = check.call();
        assertEquals(HealthCheckResponse.Status.UP, outage.getStatus(), "keys are cached: tokens still verify");
        assertEquals("degraded", outage.getData().orElseThrow().get("keycloak"));
    }
}
