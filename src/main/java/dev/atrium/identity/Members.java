package dev.atrium.identity;

import dev.atrium.platform.security.TenantRole;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may know about the current tenant's members: who is calling, and whether a member exists. The
 * identity module's published interface, with the events {@link MemberJoined}, {@link MemberRolesChanged} and {@link
 * MemberRemoved}; modules hold member ids, never its entities or tables.
 */
public interface Members {

    /** The calling member, as the tenant gate admitted them for this request (no query). */
    MemberRef current();

    /** An active member of the current tenant. */
    Optional<MemberRef> find(UUID memberId);

    /** The active member behind a Keycloak account (token subject), e.g. a tenant's first admin at onboarding. */
    Optional<MemberRef> withSubject(String subject);

    /** The active member with this e-mail address (any case), e.g. a demo tenant's sample member. */
    Optional<MemberRef> withEmail(String email);

    /** How to reach an active member of the current tenant (for notifications): their address, language and roles. */
    Optional<MemberContact> contact(UUID memberId);

    /**
     * Active members holding a role, at most {@code limit} (e.g. the admins to tell about a dispute), oldest first.
     */
    java.util.List<UUID> holding(TenantRole role, int limit);

    /** A member as other modules see one. {@code admin}: holds the tenant's admin role. */
    record MemberRef(UUID id, String displayName, boolean admin) {}

    /** @param locale a BCP 47 language tag, or null for the tenant's */
    record MemberContact(UUID id, String displayName, String email, String locale, java.util.Set<TenantRole> roles) {}
}
