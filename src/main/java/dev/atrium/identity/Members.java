package dev.atrium.identity;

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

    /** A member as other modules see one. {@code admin}: holds the tenant's admin role. */
    record MemberRef(UUID id, String displayName, boolean admin) {}
}
