package dev.atrium.projects.infrastructure;

import dev.atrium.platform.tenancy.domain.TenantMigrations;
import jakarta.enterprise.context.ApplicationScoped;

/** The projects module's tables in every tenant schema: {@code db/tenant/projects}. */
@ApplicationScoped
public class ProjectsMigrations implements TenantMigrations {

    @Override
    public String module() {
        return "projects";
    }

    /** Its V1 to V4 were V2 to V5 of the shared history. */
    @Override
    public String legacyVersion() {
        return "4";
    }
}
