package dev.atrium.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while Keycloak publishes the realm's signing keys: without them no token can be verified, so every
 * authenticated request would fail.
 */
@Readiness
@ApplicationScoped
public class KeycloakReadinessCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

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
            return HealthCheckResponse.named("keycloak-jwks")
                    .status(status == 200)
                    .withData("status", status)
                    .build();
        } catch (IOException unreachable) {
            return down(unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return down(interrupted);
        }
    }

    private static HealthCheckResponse down(Exception cause) {
        return HealthCheckResponse.named("keycloak-jwks")
                .down()
                .withData("error", cause.getClass().getSimpleName())
                .build();
    }
}
