package dev.atrium.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may know about the current tenant's members: who is calling, and whether a member id exists.
 * The identity module's published interface; modules hold member ids, never its entities or tables.
 */
public interface Members {

    /** The calling member (from the verified token), whose profile is created on first use. */
    MemberRef current();

    Optional<MemberRef> find(UUID memberId);

    /** The member behind a Keycloak account (token subject), if they have a profile in this tenant. */
    Optional<MemberRef> withSubject(String subject);

    /** A member as other modules see one. {@code admin}: holds the tenant's admin role. */
    record MemberRef(UUID id, String displayName, boolean admin) {}
}
