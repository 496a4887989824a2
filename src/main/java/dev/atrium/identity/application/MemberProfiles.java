package dev.atrium.identity.application;

import dev.atrium.identity.domain.Member;
import dev.atrium.identity.domain.MemberRepository;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.domain.TenantOnboarded;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Members' own profiles in the current tenant. */
@ApplicationScoped
public class MemberProfiles {

    @Inject
    MemberRepository members;

    /** The signed-in member as their token describes them; whoever a profile is missing for gets one now. */
    public record Caller(String subject, String email, String displayName, Set<TenantRole> roles) {

        /** From a token already bound to the current tenant: its groups are that tenant's roles. */
        public static Caller of(JsonWebToken token) {
            Set<TenantRole> roles = token.getGroups() == null
                    ? Set.of()
                    : token.getGroups().stream()
                            .filter(group -> Arrays.stream(TenantRole.values()).anyMatch(r -> r.id().equals(group)))
                            .map(TenantRole::fromId)
                            .collect(Collectors.toSet());
            String name = token.getClaim("name");
            String username = token.getClaim("preferred_username");
            return new Caller(token.getSubject(), token.getClaim("email"), name != null ? name : username, roles);
        }
    }

    @TenantTransactional
    public MemberView me(Caller caller) {
        OffsetDateTime now = now();
        Member member = members.findBySubject(caller.subject()).orElse(null);
        if (member == null) {
            member = new Member(caller.subject(), caller.email(), caller.displayName(), caller.roles(), now);
            members.add(member);
        } else {
            member.holdRoles(caller.roles(), now);
            member.recordEmail(caller.email());
        }
        return MemberView.of(member);
    }

    @TenantTransactional
    public MemberView edit(Caller caller, Member.ProfileChanges changes) {
        me(caller);
        Member member = members.findBySubject(caller.subject()).orElseThrow();
        member.editProfile(changes, now());
        return MemberView.of(member);
    }

    @TenantTransactional
    public MemberView view(UUID id) {
        return members.find(id)
                .map(MemberView::of)
                .orElseThrow(() -> new ResourceNotFoundException("There is no member " + id + " in this tenant."));
    }

    /** The first admin gets a profile as the tenant is onboarded, so the member list shows them at once. */
    /** Runs before other modules' observers (priority), so that they find the admin's profile. */
    @TenantTransactional
    void seedFirstAdmin(@Observes @Priority(Interceptor.Priority.APPLICATION) TenantOnboarded onboarded) {
        if (members.findBySubject(onboarded.adminSubject()).isEmpty()) {
            members.add(new Member(
                    onboarded.adminSubject(),
                    onboarded.admin().email(),
                    onboarded.admin().displayName(),
                    Set.of(TenantRole.ADMIN),
                    now()));
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
