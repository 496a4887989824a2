package dev.atrium.identity.infrastructure;

import dev.atrium.platform.security.Membership;
import dev.atrium.platform.security.MembershipLookup;
import dev.atrium.platform.security.TenantRole;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Answers the tenant gate's question for every tenant request: is this account an active member, with which roles.
 * The platform's port; the gate sends the query in one batch with the statement that opens the tenant.
 */
@ApplicationScoped
public class ActiveMemberships implements MembershipLookup {

    /** Index-only on member_active_subject, plus the member's few role rows. */
    static final String ACTIVE_MEMBERSHIP = "select m.id, m.display_name,"
            + " (select string_agg(r.role, ',') from member_role r where r.member_id = m.id)"
            + " from member m where m.subject = ? and m.status = 'ACTIVE'";

    @Override
    public String activeMemberQuery() {
        return ACTIVE_MEMBERSHIP;
    }

    /** A row of {@link #ACTIVE_MEMBERSHIP}: id, display name, roles joined by commas. */
    @Override
    public Membership read(ResultSet row) throws SQLException {
        String roles = row.getString(3);
        Set<TenantRole> held = roles == null
                ? Set.of()
                : Arrays.stream(roles.split(",")).map(TenantRole::valueOf).collect(Collectors.toUnmodifiableSet());
        return new Membership(UUID.fromString(row.getString(1)), row.getString(2), held);
    }
}
