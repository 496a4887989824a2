package dev.atrium.identity.application;

import dev.atrium.identity.MemberJoined;
import dev.atrium.identity.MemberRemoved;
import dev.atrium.identity.MemberRolesChanged;
import dev.atrium.identity.domain.Member;
import dev.atrium.identity.domain.MemberRepository;
import dev.atrium.platform.audit.TenantAuditLog;
import dev.atrium.platform.security.TenantRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every membership change in the tenant's own audit log, in the change's transaction: who joined (invited by an
 * admin, onboarded, or on their own), whose roles changed from what to what, who was removed and by whom.
 */
@ApplicationScoped
public class MembershipAudit {

    @Inject
    MemberRepository members;

    @Inject
    TenantAuditLog log;

    void joined(@Observes MemberJoined joined) {
        log.record("member.join", describe(joined.memberId()), "roles " + roles(joined.roles()));
    }

    void rolesChanged(@Observes MemberRolesChanged changed) {
        log.record(
                "member.roles",
                describe(changed.memberId()),
                "roles " + roles(changed.before()) + " → " + roles(changed.after()));
    }

    void removed(@Observes MemberRemoved removed) {
        log.record("member.remove", describe(removed.memberId()), null);
    }

    private String describe(UUID memberId) {
        return members.anyWithId(memberId)
                .map(Member::email)
                .map(email -> email + " (" + memberId + ")")
                .orElse(memberId.toString());
    }

    private static String roles(Set<TenantRole> roles) {
        return roles.isEmpty()
                ? "none"
                : roles.stream().map(TenantRole::id).sorted().collect(Collectors.joining(", "));
    }
}
