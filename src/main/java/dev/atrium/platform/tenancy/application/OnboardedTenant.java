package dev.atrium.platform.tenancy.application;

/**
 * The answer to an onboarding: the tenant, how its first admin signs in, and how long each part took.
 * {@code temporaryPassword} is only present where the platform hands out temporary passwords (development); elsewhere
 * Keycloak e-mails the admin a link to set one.
 */
public record OnboardedTenant(TenantView tenant, FirstAdminAccess firstAdmin, Timings timings)
        implements dev.atrium.platform.audit.AuditTrail.Described {

    public record FirstAdminAccess(String email, String temporaryPassword, boolean mustSetPassword) {}

    /** Milliseconds spent on the schema (creation and migrations), in Keycloak, and in all. */
    public record Timings(long schemaMillis, long identityMillis, long totalMillis) {}

    @Override
    public String auditDetail() {
        return "schema " + tenant.schemaVersion() + " in " + timings.schemaMillis() + " ms, identity in "
                + timings.identityMillis() + " ms, total " + timings.totalMillis() + " ms";
    }
}
