package dev.atrium.identity.domain;

import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.domain.TenantRef;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts behind members, held by the identity provider: credentials, organisation membership, and the
 * tenant's roles. Every operation is idempotent.
 */
public interface MemberAccounts {

    /**
     * Finds the account with this e-mail or creates it (the person sets a password at first sign-in), and makes it a
     * member of the tenant's organisation.
     */
    Account enrol(TenantRef tenant, String email, String displayName);

    /**
     * The same for a demo tenant's sample member: on a development machine with {@code atrium.identity.sample-password}
     * set, a new account gets that password for good (so a newcomer signs in as them from the README); otherwise as
     * {@link #enrol}.
     */
    Account enrolSample(TenantRef tenant, String email, String displayName);

    /** Makes the account hold exactly these roles in the tenant; takes effect in its next token. */
    void grant(TenantRef tenant, String subject, Set<TenantRole> roles);

    /**
     * What the identity provider says of an account now, not what an older token said: empty if it is not a member of
     * the tenant's organisation, otherwise the tenant roles it holds.
     */
    Optional<Set<TenantRole>> standing(TenantRef tenant, String subject);

    /** Takes every tenant role and the organisation membership away; the account itself stays. */
    void withdraw(TenantRef tenant, String subject);

    /**
     * An account as enrolment left it. {@code temporaryPassword} is set only when the account was created here and
     * the platform hands out temporary passwords (development); otherwise the person receives an e-mail.
     */
    record Account(String subject, String email, boolean created, String temporaryPassword) {}
}
