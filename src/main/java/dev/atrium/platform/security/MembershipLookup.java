package dev.atrium.platform.security;

import java.util.Optional;

/**
 * How the platform learns whether a token's subject is an active member of the current tenant. Implemented by the
 * identity module (platform depends on no module); called inside the tenant's transaction after its schema is
 * selected, as one indexed query.
 */
public interface MembershipLookup {

    Optional<Membership> activeMember(String subject);
}
