package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import java.util.Set;

/**
 * What a tenant API request asks for, known before any data is read: the tenant from the URL, whether it writes, who
 * the verified token says the caller is, and what the resource method requires. {@link TenantGate} checks it against
 * the tenant directory and the member list inside the use case's own transaction.
 *
 * @param subject the token's subject, or {@code null} for an anonymous request
 * @param organizationId the Keycloak organisation id the token was issued for, or {@code null} if it names none
 * @param module the module the endpoint belongs to, or {@code null} for the platform's own endpoints
 * @param membershipRequired whether the caller must be an active member (every signed-in call but the join)
 * @param anyOfRoles roles of which the member must hold at least one; empty: any member
 */
public record TenantAccess(
        TenantSlug slug,
        boolean write,
        String subject,
        String organizationId,
        TenantModule module,
        boolean membershipRequired,
        Set<TenantRole> anyOfRoles) {

    public TenantAccess {
        anyOfRoles = Set.copyOf(anyOfRoles);
    }

    public boolean signedIn() {
        return subject != null;
    }
}
