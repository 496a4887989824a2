package dev.atrium.identity.application;

import dev.atrium.identity.domain.Member;
import dev.atrium.identity.domain.MemberAccounts;
import dev.atrium.identity.domain.MemberRepository;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.domain.TenantOnboarded;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** Members' own profiles in the current tenant, and joining it. Reading never makes or changes a member. */
@ApplicationScoped
public class MemberProfiles {

    @Inject
    MemberRepository members;

    @Inject
    MemberAccounts accounts;

    @Inject
    MembershipLedger ledger;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    MemberProfiles self;

    @Inject
    Clock clock;

    /** Who a signed-in person's token says they are: used only to join. */
    public record Joiner(String subject, String email, String displayName) {}

    /** The outcome of a join: the member, and whether this call made them one. */
    public record Joined(MemberView member, boolean created) {}

    @TenantTransactional
    public MemberView me() {
        return MemberView.of(caller());
    }

    @TenantTransactional
    public MemberView edit(Member.ProfileChanges changes) {
        Member member = caller();
        member.editProfile(changes, OffsetDateTime.now(clock));
        return MemberView.of(member);
    }

    /** Another member's profile: the e-mail only for the member themself and the tenant's admins. */
    @TenantTransactional
    public MemberView view(UUID id) {
        Membership viewer = currentTenant.caller().orElseThrow();
        Member member = members.find(id).orElseThrow(() -> MembershipLedger.noSuchMember(id));
        return MemberView.of(member, viewer.isAdmin() || viewer.memberId().equals(id));
    }

    /**
     * Joins the tenant on one's own, once: only a person whom Keycloak holds as a member of the tenant's organisation
     * now (e.g. by the organisation's e-mail domain or identity provider), with the tenant roles Keycloak holds for
     * them. Asked of Keycloak, not of the token, which may predate a removal. A member who has joined gets their
     * membership back, unchanged.
     */
    public Joined join(Joiner joiner) {
        Membership existing = self.currentMembership();
        if (existing != null) {
            return new Joined(self.me(), false);
        }
        Set<TenantRole> roles = accounts.standing(currentTenant.get(), joiner.subject())
                .orElseThrow(() -> new ForbiddenException(
                        "not-in-organization",
                        "Not in the tenant's organisation",
                        "Only people the tenant's organisation admits can join; ask an admin for an invitation."));
        return ledger.admitJoining(joiner.subject(), joiner.email(), joiner.displayName(), roles);
    }

    /** Opens the tenant for the join (checking it like any request) and answers the caller's membership, if any. */
    @TenantTransactional
    public Membership currentMembership() {
        return currentTenant.caller().orElse(null);
    }

    /** The first admin gets a profile as the tenant is onboarded, so the member list shows them at once. */
    /** Runs before other modules' observers (priority), so that they find the admin's profile. */
    void seedFirstAdmin(@Observes @Priority(Interceptor.Priority.APPLICATION) TenantOnboarded onboarded) {
        ledger.admitFirstAdmin(
                onboarded.adminSubject(),
                onboarded.admin().email(),
                onboarded.admin().displayName());
    }

    private Member caller() {
        UUID id = currentTenant.caller().orElseThrow().memberId();
        return members.find(id).orElseThrow(() -> MembershipLedger.noSuchMember(id));
    }
}
