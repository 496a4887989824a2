package dev.atrium.identity.application;

import dev.atrium.identity.Members;
import dev.atrium.identity.domain.Member;
import dev.atrium.identity.domain.MemberRepository;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** The identity module's answer to other modules about members of the current tenant. */
@ApplicationScoped
public class CurrentMembers implements Members {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    MemberRepository members;

    @Override
    public MemberRef current() {
        Membership caller = currentTenant
                .caller()
                .orElseThrow(() -> new IllegalStateException("No member is calling: an anonymous call, or a job"));
        return new MemberRef(caller.memberId(), caller.displayName(), caller.isAdmin());
    }

    @Override
    @TenantTransactional
    public Optional<MemberRef> find(UUID memberId) {
        return members.find(memberId).map(CurrentMembers::ref);
    }

    @Override
    @TenantTransactional
    public Optional<MemberRef> withSubject(String subject) {
        return members.findBySubject(subject).filter(Member::isActive).map(CurrentMembers::ref);
    }

    @Override
    @TenantTransactional
    public Optional<MemberRef> withEmail(String email) {
        return members.activeWithEmail(email).map(CurrentMembers::ref);
    }

    @Override
    @TenantTransactional
    public Optional<MemberContact> contact(UUID memberId) {
        return members.find(memberId)
                .filter(Member::isActive)
                .map(member -> new MemberContact(
                        member.id(), member.displayName(), member.email(), member.locale(), member.roles()));
    }

    @Override
    @TenantTransactional
    public java.util.List<UUID> holding(dev.atrium.platform.security.TenantRole role, int limit) {
        return members
                .list(role, null, dev.atrium.platform.paging.PageRequest.of(0, Math.min(limit, 100)))
                .items()
                .stream()
                .map(Member::id)
                .toList();
    }

    private static MemberRef ref(Member member) {
        return new MemberRef(member.id(), member.displayName(), member.isAdmin());
    }
}
