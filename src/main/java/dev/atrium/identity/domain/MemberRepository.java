package dev.atrium.identity.domain;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.security.TenantRole;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's members. Callers run in a tenant transaction. */
public interface MemberRepository {

    /** An active member. */
    Optional<Member> find(UUID id);

    /** A member row, active or removed. */
    Optional<Member> anyWithId(UUID id);

    /** The member row of an account, active or removed. */
    Optional<Member> findBySubject(String subject);

    /** The active member with this e-mail address (compared case-insensitively). */
    Optional<Member> activeWithEmail(String email);

    void add(Member member);

    /** Active members holding {@code role} (any, if null) whose name or e-mail contains {@code text} (any, if null). */
    Page<Member> list(TenantRole role, String text, PageRequest page);

    long countHolding(TenantRole role);

    long countActive();

    /**
     * Serialises changes to the tenant's membership (joins, role changes, removals) until the transaction ends, so
     * that rules over all members, "at least one admin" and the member quota, hold under concurrent changes.
     */
    void lockMembership();
}
