package dev.atrium.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness reflects what this replica needs to serve, not every dependency's health. Signing keys are needed once:
 * until Keycloak has published them the replica cannot verify any token, so it is not ready. After that the keys are
 * cached (by MP-JWT) and already-issued tokens keep working while Keycloak is away; only sign-ins and member
 * administration need it then. So a Keycloak outage after the first success is reported as {@code degraded} in the
 * check's data, with the check UP: failing readiness would take every replica out of the Service at once and turn a
 * partial outage into a total one.
 */
@Readiness
@ApplicationScoped
public class KeycloakReadinessCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Whether the keys have been published to this replica at least once. */
    private final AtomicBoolean keysSeen = new AtomicBoolean();

    @Inject
    @ConfigProperty(name = "atrium.jwt.jwks.uri")
    String jwksUri;

    @Override
    public HealthCheckResponse call() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(jwksUri))
                .timeout(TIMEOUT)
                .GET()
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                keysSeen.set(true);
                return HealthCheckResponse.named("keycloak-jwks")
                        .up()
                        .withData("keycloak", "up")
                        .build();
            }
            return unavailable("HTTP " + status);
        } catch (IOException unreachable) {
            return unavailable(unreachable.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return unavailable(interrupted.getClass().getSimpleName());
        }
    }

    private HealthCheckResponse unavailable(String error) {
        return HealthCheckResponse.named("keycloak-jwks")
                .status(keysSeen.get())
                .withData("keycloak", keysSeen.get() ? "degraded" : "down")
                .withData("error", error)
                .build();
    }
}
