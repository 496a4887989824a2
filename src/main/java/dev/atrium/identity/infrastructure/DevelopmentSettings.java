package dev.atrium.identity.infrastructure;

import dev.atrium.platform.config.DevelopmentMode;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stops the server at start-up if the identity module's development-only settings are on outside development mode:
 * temporary passwords (handed out and logged instead of e-mailed), password grants on tenant clients, and the
 * demo tenants' sample members' known password.
 */
@ApplicationScoped
public class DevelopmentSettings {

    @Inject
    DevelopmentMode developmentMode;

    @Inject
    @ConfigProperty(name = "atrium.identity.temporary-passwords", defaultValue = "false")
    boolean temporaryPasswords;

    @Inject
    @ConfigProperty(name = "atrium.keycloak.direct-access-grants", defaultValue = "false")
    boolean directAccessGrants;

    @Inject
    @ConfigProperty(name = "atrium.identity.sample-password")
    java.util.Optional<String> samplePassword;

    void check(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object started) {
        developmentMode.require("atrium.identity.temporary-passwords", temporaryPasswords);
        developmentMode.require("atrium.keycloak.direct-access-grants", directAccessGrants);
        developmentMode.require(
                "atrium.identity.sample-password",
                samplePassword.filter(value -> !value.isBlank()).isPresent());
    }
}
