package dev.atrium.platform.tenancy.domain;

import java.util.Set;

/**
 * What onboarding needs from the identity provider (Keycloak): the tenant's organisation, its client with the five
 * roles, and its first admin. Every operation is idempotent: it finds what exists and creates only what is missing,
 * so a failed onboarding can be repeated.
 */
public interface IdentityProvisioning {

    /** Everything the tenant needs in the identity provider, created or completed. */
    ProvisionedIdentity provision(
            TenantSlug slug, String name, Branding branding, Set<String> domains, FirstAdmin admin);

    /** Keeps the login page's look (shown by the tenant's client) in step with the tenant's branding. */
    void updateLoginBranding(TenantSlug slug, String name, Branding branding, Set<String> domains);

    /** Removes the tenant's organisation and client; absent ones are fine. Users stay: they may belong elsewhere. */
    void remove(TenantSlug slug);

    /**
     * The outcome of provisioning: where the tenant lives in the identity provider, the first admin's subject, and
     * (only where the platform is configured to hand out temporary passwords, as in development) the admin's.
     */
    record ProvisionedIdentity(TenantIdentity identity, String adminSubject, String adminTemporaryPassword) {}
}
