package dev.atrium.platform.tenancy.domain;

import java.util.Set;

/**
 * The editable parts of a tenant; a {@code null} part is left as it is. Used by the operators' PATCH and by tenants
 * as code, which both go through {@link Tenant#revise(TenantChanges, java.time.OffsetDateTime)}.
 */
public record TenantChanges(
        String name, TenantKind kind, String plan, Branding branding, Set<TenantModule> modules, Set<String> domains) {

    public TenantChanges {
        modules = modules == null ? null : Set.copyOf(modules);
        domains = domains == null ? null : Set.copyOf(domains);
    }
}
