package dev.atrium.identity.domain;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.security.TenantRole;
import java.util.Optional;
import java.util.UUID;

/** The current tenant's members. Callers run in a tenant transaction. */
public interface MemberRepository {

    Optional<Member> find(UUID id);

    Optional<Member> findBySubject(String subject);

    void add(Member member);

    void remove(Member member);

    /** Members holding {@code role} (any, if null) whose name or e-mail contains {@code text} (any, if null). */
    Page<Member> list(TenantRole role, String text, PageRequest page);

    long countHolding(TenantRole role);
}
