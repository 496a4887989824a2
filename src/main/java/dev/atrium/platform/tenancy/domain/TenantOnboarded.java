package dev.atrium.platform.tenancy.domain;

/**
 * Published (as a synchronous CDI event) when a tenant's schema and identity exist, just before it becomes ACTIVE,
 * with the tenant selected as the current tenant. Modules seed the tenant's data here; an observer that fails makes
 * the onboarding fail, so a tenant never becomes ACTIVE half-seeded. With {@code sampleData}, modules also add
 * example content (the demo tenants), so that a newcomer sees something at once.
 */
public record TenantOnboarded(TenantRef tenant, String adminSubject, FirstAdmin admin, boolean sampleData) {}
