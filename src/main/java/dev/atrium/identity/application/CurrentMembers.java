package dev.atrium.identity.application;

import dev.atrium.identity.Members;
import dev.atrium.identity.domain.Member;
import dev.atrium.identity.domain.MemberRepository;
import dev.atrium.platform.persistence.TenantTransactional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The identity module's answer to other modules about members of the current tenant. */
@ApplicationScoped
public class CurrentMembers implements Members {

    @Inject
    JsonWebToken token;

    @Inject
    MemberProfiles profiles;

    @Inject
    MemberRepository members;

    @Override
    @TenantTransactional
    public MemberRef current() {
        MemberView me = profiles.me(MemberProfiles.Caller.of(token));
        return new MemberRef(me.id(), me.displayName(), me.roles().contains("admin"));
    }

    @Override
    @TenantTransactional
    public Optional<MemberRef> find(UUID memberId) {
        return members.find(memberId).map(CurrentMembers::ref);
    }

    @Override
    @TenantTransactional
    public Optional<MemberRef> withSubject(String subject) {
        return members.findBySubject(subject).map(CurrentMembers::ref);
    }

    private static MemberRef ref(Member member) {
        return new MemberRef(member.id(), member.displayName(), member.isAdmin());
    }
}
