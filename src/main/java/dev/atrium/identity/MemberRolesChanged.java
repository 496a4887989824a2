package dev.atrium.identity;

import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import java.util.Set;
import java.util.UUID;

/** A member's roles in the tenant changed; they count from the next request on. Fired inside the change's transaction. */
public record MemberRolesChanged(TenantSlug tenant, UUID memberId, Set<TenantRole> before, Set<TenantRole> after) {

    public MemberRolesChanged {
        before = Set.copyOf(before);
        after = Set.copyOf(after);
    }
}
