package dev.atrium.platform.tenancy.domain;

/**
 * A tenant is about to be deleted: its schema and Keycloak resources are still there. Fired outside any transaction,
 * before anything is dropped, for modules that must end what lives outside Atrium and would otherwise outlive the
 * tenant (billing stops its subscriptions at the payment provider). An observer that fails stops the deletion, which
 * can be repeated.
 */
public record TenantDeleting(TenantRef tenant) {}
