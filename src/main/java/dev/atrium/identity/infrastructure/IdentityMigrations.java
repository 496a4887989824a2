package dev.atrium.identity.infrastructure;

import dev.atrium.platform.tenancy.domain.TenantMigrations;
import jakarta.enterprise.context.ApplicationScoped;

/** The identity module's tables (members) in every tenant schema: {@code db/tenant/identity}. */
@ApplicationScoped
public class IdentityMigrations implements TenantMigrations {

    @Override
    public String module() {
        return "identity";
    }

    /** Members come first: onboarding seeds the first admin before other modules seed their data. */
    @Override
    public int order() {
        return 0;
    }

    @Override
    public String legacyVersion() {
        return "1";
    }

    @Override
    public java.util.List<String> exportedTables() {
        return java.util.List.of("member", "member_role", "member_skill");
    }
}
