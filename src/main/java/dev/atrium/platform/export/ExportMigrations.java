package dev.atrium.platform.export;

import dev.atrium.platform.tenancy.domain.TenantMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The exports table in every tenant schema: {@code db/tenant/exports}. */
@ApplicationScoped
public class ExportMigrations implements TenantMigrations {

    @Override
    public String module() {
        return "exports";
    }

    @Override
    public List<String> exportedTables() {
        return List.of("tenant_export");
    }
}
