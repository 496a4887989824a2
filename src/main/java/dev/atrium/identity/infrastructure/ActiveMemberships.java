package dev.atrium.identity.infrastructure;

import dev.atrium.identity.domain.MemberRepository;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.security.MembershipLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Answers the tenant gate's question for every tenant request: is this account an active member, with which roles.
 * The platform's port, implemented with the member repository's one indexed query.
 */
@ApplicationScoped
public class ActiveMemberships implements MembershipLookup {

    @Inject
    MemberRepository members;

    @Override
    public String activeMemberQuery() {
        return JpaMemberRepository.ACTIVE_MEMBERSHIP;
    }

    @Override
    public Membership read(ResultSet row) throws SQLException {
        return JpaMemberRepository.membership(row.getString(1), row.getString(2), row.getString(3));
    }

    @Override
    public Optional<Membership> activeMember(String subject) {
        return members.activeMembership(subject);
    }
}
