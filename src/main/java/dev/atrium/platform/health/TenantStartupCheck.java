package dev.atrium.platform.health;

import dev.atrium.platform.tenancy.application.TenantStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once tenant schemas are migrated and the tenant definitions applied (or given up on after retries; the
 * outcome of each file is in the check's data and the log).
 */
@Startup
@ApplicationScoped
public class TenantStartupCheck implements HealthCheck {

    @Inject
    TenantStartup startup;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("tenants").status(startup.isFinished());
        startup.outcomes().forEach(response::withData);
        return response.build();
    }
}
