package dev.atrium.platform.audit;

import dev.atrium.platform.tenancy.domain.TenantMigrations;
import jakarta.enterprise.context.ApplicationScoped;

/** The tenant's own audit log table in every tenant schema: {@code db/tenant/audit}. */
@ApplicationScoped
public class TenantAuditMigrations implements TenantMigrations {

    @Override
    public String module() {
        return "audit";
    }

    /** Before identity: onboarding records the first admin's arrival. */
    @Override
    public int order() {
        return -1;
    }

    @Override
    public java.util.List<String> exportedTables() {
        return java.util.List.of("admin_audit");
    }
}
