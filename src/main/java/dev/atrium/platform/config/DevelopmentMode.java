package dev.atrium.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this server runs for development or tests ({@code atrium.development-mode=true}, set by the local stack).
 * Settings that weaken security for convenience (temporary passwords returned and logged, password grants for tenant
 * clients) are accepted only then: a module that has one calls {@link #require} at start-up, and the server refuses
 * to start with such a setting on in any other configuration, production included.
 */
@ApplicationScoped
public class DevelopmentMode {

    @Inject
    @ConfigProperty(name = "atrium.development-mode", defaultValue = "false")
    boolean on;

    public boolean isOn() {
        return on;
    }

    /** Refuses a development-only setting outside development mode. */
    public void require(String setting, boolean enabled) {
        if (enabled && !on) {
            throw new IllegalStateException(setting + " is a development-only setting and this server is not in"
                    + " development mode (atrium.development-mode=true); switch it off for this configuration.");
        }
    }
}
