package dev.atrium.platform.security;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * The caller's active membership in the current tenant, as the member list holds it right now. It, not the token,
 * says which roles count: a role taken away, or a member removed, stops counting at the next request, even while the
 * token issued before is still valid.
 */
public record Membership(UUID memberId, String displayName, Set<TenantRole> roles) {

    public Membership {
        roles = Set.copyOf(roles);
    }

    public boolean holds(TenantRole role) {
        return roles.contains(role);
    }

    public boolean holdsAnyOf(Collection<TenantRole> wanted) {
        return wanted.isEmpty() || wanted.stream().anyMatch(roles::contains);
    }

    public boolean isAdmin() {
        return holds(TenantRole.ADMIN);
    }
}
