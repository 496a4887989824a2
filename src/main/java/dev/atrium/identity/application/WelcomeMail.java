package dev.atrium.identity.application;

import dev.atrium.identity.MemberJoined;
import dev.atrium.identity.domain.Member;
import dev.atrium.identity.domain.MemberRepository;
import dev.atrium.platform.mail.Mail;
import dev.atrium.platform.security.TenantRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Welcomes every new member (the first admin at onboarding, the invited, those who join) with a message in their
 * language, branded as their tenant. Asked for in the joining transaction: a join that rolls back sends nothing.
 */
@ApplicationScoped
public class WelcomeMail {

    @Inject
    MemberRepository members;

    @Inject
    Mail mail;

    void onJoined(@Observes MemberJoined joined) {
        members.find(joined.memberId()).ifPresent(member -> welcome(member, joined));
    }

    private void welcome(Member member, MemberJoined joined) {
        String roles = joined.roles().stream().map(TenantRole::id).sorted().collect(Collectors.joining(", "));
        String name =
                member.displayName() == null || member.displayName().isBlank() ? member.email() : member.displayName();
        mail.send(member.email(), "welcome", member.locale(), Map.of("name", name, "roles", roles));
    }
}
