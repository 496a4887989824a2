package dev.atrium.identity.application;

import dev.atrium.identity.domain.MemberAccounts;
import dev.atrium.identity.domain.MemberRepository;
import dev.atrium.platform.errors.ConflictException;
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
 * A tenant admin's work on members: invitations, roles and removal. The member list is the truth the tenant gate
 * admits requests by, so it changes first (in {@link MembershipLedger}, under the membership lock, with its event);
 * Keycloak is brought in line after, outside any transaction, for the member's next token. Each Keycloak step is
 * idempotent: a call whose Keycloak step failed (502) is simply repeated.
 */
@ApplicationScoped
public class MemberAdministration {

    @Inject
    MembershipLedger ledger;

    @Inject
    MemberRepository members;

    @Inject
    MemberAccounts accounts;

    @Inject
    CurrentTenant currentTenant;

    /** An invited member, and the temporary password of a new account where the platform hands them out. */
    public record Invitation(MemberView member, String temporaryPassword) {}

    public Invitation invite(String email, String displayName, Set<TenantRole> roles) {
        return invite(email, displayName, roles, false);
    }

    /** A demo tenant's sample member (sample data at onboarding), with the development machine's known password. */
    public Invitation inviteSample(String email, String displayName, Set<TenantRole> roles) {
        return invite(email, displayName, roles, true);
    }

    private Invitation invite(String email, String displayName, Set<TenantRole> roles, boolean sample) {
        ledger.requireInvitable(email);
        TenantRef tenant = currentTenant.get();
        MemberAccounts.Account account =
                sample ? accounts.enrolSample(tenant, email, displayName) : accounts.enrol(tenant, email, displayName);
        accounts.grant(tenant, account.subject(), roles);
        try {
            MembershipLedger.Entry entry = ledger.admitInvited(account.subject(), account.email(), displayName, roles);
            return new Invitation(entry.member(), account.temporaryPassword());
        } catch (ConflictException refused) {
            if ("quota-exceeded".equals(refused.typeSlug())) {
                // Filled by a concurrent invitation meanwhile: take back what this one granted.
                accounts.withdraw(tenant, account.subject());
            }
            throw refused;
        }
    }

    @TenantTransactional
    public Page<MemberView> list(TenantRole role, String text, PageRequest page) {
        return members.list(role, text, page).map(MemberView::of);
    }

    public MemberView changeRoles(UUID id, Set<TenantRole> roles) {
        MembershipLedger.Entry entry = ledger.changeRoles(id, roles);
        accounts.grant(currentTenant.get(), entry.subject(), roles);
        return entry.member();
    }

    public void remove(UUID id) {
        String subject = ledger.remove(id);
        accounts.withdraw(currentTenant.get(), subject);
    }
}
