package dev.atrium.identity.application;

import dev.atrium.identity.MemberJoined;
import dev.atrium.identity.MemberRemoved;
import dev.atrium.identity.MemberRolesChanged;
import dev.atrium.identity.domain.Member;
import dev.atrium.identity.domain.MemberRepository;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.live.Live;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.plans.Plan;
import dev.atrium.platform.plans.PlanCatalogue;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The transactional steps of membership: every change to who is a member, and with which roles, goes through here,
 * under the tenant's membership lock, and announces itself with an event in the same transaction. The use cases in
 * {@link MemberAdministration} and {@link MemberProfiles} string these together with the Keycloak calls, which are
 * made outside any transaction.
 */
@ApplicationScoped
@TenantTransactional
public class MembershipLedger {

    @Inject
    MemberRepository members;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    PlanCatalogue plans;

    @Inject
    Event<MemberJoined> joined;

    @Inject
    Event<MemberRolesChanged> rolesChanged;

    @Inject
    Event<MemberRemoved> removed;

    @Inject
    Live live;

    @Inject
    Clock clock;

    /** A member row as a change left it, with the account behind it (for the Keycloak step that follows). */
    public record Entry(MemberView member, String subject) {}

    /**
     * Checked before anything is changed in Keycloak: the person is not a member yet (their roles are changed through
     * the roles endpoint, not by a second invitation) and the plan has room for one more member.
     */
    public void requireInvitable(String email) {
        if (members.activeWithEmail(email).isPresent()) {
            throw alreadyMember(email);
        }
        plan().requireRoom(Plan.MEMBERS, members.countActive(), 1);
    }

    /** An invited account becomes an active member (again, if it was removed), holding the roles granted. */
    public Entry admitInvited(String subject, String email, String displayName, Set<TenantRole> roles) {
        members.lockMembership();
        Optional<Member> existing = members.findBySubject(subject);
        if (existing.isPresent() && existing.get().isActive()) {
            throw alreadyMember(email);
        }
        plan().requireRoom(Plan.MEMBERS, members.countActive(), 1);
        Member member = existing.orElse(null);
        if (member == null) {
            member = new Member(subject, email, displayName, roles, now());
            members.add(member);
        } else {
            member.rejoin(email, roles, now());
        }
        joined.fire(new MemberJoined(currentTenant.get().slug(), member.id(), roles));
        return new Entry(MemberView.of(member), subject);
    }

    /**
     * A person whom the tenant's organisation admits (its e-mail domain, its identity provider) joins on their own.
     * Joining twice answers the existing membership; a removed member comes back only through an invitation.
     */
    public MemberProfiles.Joined admitJoining(String subject, String email, String displayName, Set<TenantRole> roles) {
        members.lockMembership();
        Member member = members.findBySubject(subject).orElse(null);
        if (member != null && member.isActive()) {
            return new MemberProfiles.Joined(MemberView.of(member), false);
        }
        if (member != null) {
            throw new ForbiddenException(
                    "membership-removed",
                    "Membership removed",
                    "Your membership of this tenant was removed; an admin can invite you again.");
        }
        plan().requireRoom(Plan.MEMBERS, members.countActive(), 1);
        member = new Member(subject, email, displayName, roles, now());
        members.add(member);
        joined.fire(new MemberJoined(currentTenant.get().slug(), member.id(), roles));
        return new MemberProfiles.Joined(MemberView.of(member), true);
    }

    /** The first admin, as onboarding made them: idempotent, for an onboarding that is repeated. */
    public void admitFirstAdmin(String subject, String email, String displayName) {
        if (members.findBySubject(subject).isEmpty()) {
            Member admin = new Member(subject, email, displayName, Set.of(TenantRole.ADMIN), now());
            members.add(admin);
            joined.fire(new MemberJoined(currentTenant.get().slug(), admin.id(), Set.of(TenantRole.ADMIN)));
        }
    }

    /** Sets a member's roles; the tenant keeps at least one admin. Unchanged roles change nothing (no event). */
    public Entry changeRoles(UUID id, Set<TenantRole> roles) {
        members.lockMembership();
        Member member = existing(id);
        Set<TenantRole> before = member.roles();
        if (member.isAdmin() && !roles.contains(TenantRole.ADMIN)) {
            requireAnotherAdmin();
        }
        member.holdRoles(roles, now());
        if (!before.equals(member.roles())) {
            rolesChanged.fire(new MemberRolesChanged(currentTenant.get().slug(), id, before, member.roles()));
        }
        return new Entry(MemberView.of(member), member.subject());
    }

    /**
     * Removes a member; the tenant keeps at least one admin. Removing a removed member changes nothing here but still
     * answers its account, so that a removal whose Keycloak step failed can be repeated.
     */
    public String remove(UUID id) {
        members.lockMembership();
        Member member = members.anyWithId(id).orElseThrow(() -> noSuchMember(id));
        if (member.isActive()) {
            if (member.isAdmin()) {
                requireAnotherAdmin();
            }
            member.remove(now());
            removed.fire(new MemberRemoved(
                    currentTenant.get().slug(),
                    id,
                    currentTenant.caller().map(Membership::memberId).orElse(null)));
            // Their open sockets and streams, on every replica, end when this commits.
            live.endSessions(id, "member-removed");
        }
        return member.subject();
    }

    private static ConflictException alreadyMember(String email) {
        return new ConflictException(
                "member-exists",
                "Already a member",
                "'" + email + "' is already a member; change their roles through /members/{id}/roles.");
    }

    private void requireAnotherAdmin() {
        if (members.countHolding(TenantRole.ADMIN) <= 1) {
            throw new ConflictException(
                    "last-admin", "Last admin", "This is the tenant's only admin; make another member admin first.");
        }
    }

    private Member existing(UUID id) {
        return members.find(id).orElseThrow(() -> noSuchMember(id));
    }

    private Plan plan() {
        return plans.plan(currentTenant.get().plan());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    static ResourceNotFoundException noSuchMember(UUID id) {
        return new ResourceNotFoundException("There is no member " + id + " in this tenant.");
    }
}
