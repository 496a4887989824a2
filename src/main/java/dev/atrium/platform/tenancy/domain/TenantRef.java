package dev.atrium.platform.tenancy.domain;

import java.util.Set;
import java.util.UUID;

/**
 * An immutable snapshot of a tenant for the duration of one request or job: enough to select its schema, bind
 * tokens to it, check its modules and plan and reach its Keycloak resources, without holding an entity. The id is
 * what work outside a request (jobs, outbox deliveries) carries: a slug can be reused by a later tenant, the id never.
 */
public record TenantRef(
        UUID id,
        TenantSlug slug,
        String name,
        TenantStatus status,
        String plan,
        String schemaName,
        TenantIdentity identity,
        Branding branding,
        Set<TenantModule> modules) {

    public TenantRef {
        modules = Set.copyOf(modules);
    }

    public static TenantRef of(Tenant tenant) {
        return new TenantRef(
                tenant.id(),
                tenant.slug(),
                tenant.name(),
                tenant.status(),
                tenant.plan(),
                tenant.schemaName(),
                tenant.identity(),
                tenant.branding(),
                tenant.modules());
    }

    /** The same tenant with the Keycloak resources that onboarding has just made for it. */
    public TenantRef withIdentity(TenantIdentity provisioned) {
        return new TenantRef(id, slug, name, status, plan, schemaName, provisioned, branding, modules);
    }

    public boolean hasEnabled(TenantModule module) {
        return modules.contains(module);
    }
}
