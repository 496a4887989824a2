package dev.atrium.platform.tenancy.domain;

import java.util.Set;

/**
 * An immutable snapshot of a tenant for the duration of one request or job: enough to select its schema, bind
 * tokens to it and reach its Keycloak resources, without holding an entity.
 */
public record TenantRef(
        TenantSlug slug,
        String name,
        TenantStatus status,
        String schemaName,
        TenantIdentity identity,
        Branding branding,
        Set<TenantModule> modules) {

    public static TenantRef of(Tenant tenant) {
        return new TenantRef(
                tenant.slug(),
                tenant.name(),
                tenant.status(),
                tenant.schemaName(),
                tenant.identity(),
                tenant.branding(),
                tenant.modules());
    }
}
