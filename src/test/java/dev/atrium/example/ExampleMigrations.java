package dev.atrium.example;

import dev.atrium.platform.tenancy.domain.TenantMigrations;
import jakarta.enterprise.context.ApplicationScoped;

/** The example module's tables: {@code db/tenant/example}. */
@ApplicationScoped
public class ExampleMigrations implements TenantMigrations {

    @Override
    public String module() {
        return "example";
    }
}
