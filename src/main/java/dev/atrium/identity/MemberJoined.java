package dev.atrium.identity;

import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import java.util.Set;
import java.util.UUID;

/**
 * A person became an active member of the tenant: onboarded as its first admin, invited, or joined through the
 * tenant's organisation. Fired inside the transaction that made the member, so observers' changes commit with it.
 */
public record MemberJoined(TenantSlug tenant, UUID memberId, Set<TenantRole> roles) {

    public MemberJoined {
        roles = Set.copyOf(roles);
    }
}
