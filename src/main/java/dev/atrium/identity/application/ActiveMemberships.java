package dev.atrium.identity.application;

import dev.atrium.identity.domain.MemberRepository;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.security.MembershipLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Answers the tenant gate's question for every tenant request: is this account an active member, with which roles. */
@ApplicationScoped
public class ActiveMemberships implements MembershipLookup {

    @Inject
    MemberRepository members;

    @Override
    public Optional<Membership> activeMember(String subject) {
        return members.activeMembership(subject);
    }
}
