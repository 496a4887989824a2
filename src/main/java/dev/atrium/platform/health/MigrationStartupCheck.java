package dev.atrium.platform.health;

import dev.atrium.platform.persistence.PlatformMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the platform schema has been migrated to the version this build expects. */
@Startup
@ApplicationScoped
public class MigrationStartupCheck implements HealthCheck {

    @Inject
    PlatformMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("platform-schema")
                .status(migrations.isMigrated())
                .withData("version", migrations.version())
                .build();
    }
}
