package dev.atrium.platform.tenancy.domain;

/** Where a tenant lives in Keycloak: its organisation and the internal id of its client {@code tenant-<slug>}. */
public record TenantIdentity(String organizationId, String clientId) {}
