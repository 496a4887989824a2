package dev.atrium.identity.application;

import dev.atrium.identity.domain.Member;
import dev.atrium.identity.domain.MemberAccounts;
import dev.atrium.identity.domain.MemberRepository;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant admin's work on members: invitations, roles and removal. Keycloak is changed first and the member row
 * after; both steps are idempotent, so a call that failed midway can simply be repeated. The tenant keeps at least
 * one admin.
 */
@ApplicationScoped
public class MemberAdministration {

    @Inject
    MemberRepository members;

    @Inject
    MemberAccounts accounts;

    @Inject
    CurrentTenant currentTenant;

    /** An invited member, and the temporary password of a new account where the platform hands them out. */
    public record Invitation(MemberView member, String temporaryPassword) {}

    @TenantTransactional
    public Invitation invite(String email, String displayName, Set<TenantRole> roles) {
        TenantRef tenant = currentTenant.get();
        MemberAccounts.Account account = accounts.enrol(tenant, email, displayName);
        if (members.findBySubject(account.subject()).isPresent()) {
            throw new ConflictException(
                    "member-exists", "Already a member", "'" + account.email() + "' is already a member.");
        }
        accounts.grant(tenant, account.subject(), roles);
        Member member = new Member(account.subject(), account.email(), displayName, roles, MemberProfiles.now());
        members.add(member);
        return new Invitation(MemberView.of(member), account.temporaryPassword());
    }

    @TenantTransactional
    public Page<MemberView> list(TenantRole role, String text, PageRequest page) {
        return members.list(role, text, page).map(MemberView::of);
    }

    @TenantTransactional
    public MemberView changeRoles(UUID id, Set<TenantRole> roles) {
        Member member = existing(id);
        if (member.isAdmin() && !roles.contains(TenantRole.ADMIN)) {
            requireAnotherAdmin();
        }
        accounts.grant(currentTenant.get(), member.subject(), roles);
        member.holdRoles(roles, MemberProfiles.now());
        return MemberView.of(member);
    }

    @TenantTransactional
    public void remove(UUID id) {
        Member member = existing(id);
        if (member.isAdmin()) {
            requireAnotherAdmin();
        }
        accounts.withdraw(currentTenant.get(), member.subject());
        members.remove(member);
    }

    private void requireAnotherAdmin() {
        if (members.countHolding(TenantRole.ADMIN) <= 1) {
            throw new ConflictException(
                    "last-admin", "Last admin", "This is the tenant's only admin; make another member admin first.");
        }
    }

    private Member existing(UUID id) {
        return members.find(id)
                .orElseThrow(() -> new ResourceNotFoundException("There is no member " + id + " in this tenant."));
    }
}
