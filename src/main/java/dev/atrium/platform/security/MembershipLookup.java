package dev.atrium.platform.security;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How the platform learns whether a token's subject is an active member of the current tenant. Implemented by the
 * identity module (platform depends on no module). The tenant gate sends this query in the same network round trip
 * as the statement that opens the tenant (PostgreSQL runs them in order, so the query resolves its tables in the
 * tenant's schema).
 */
public interface MembershipLookup {

    /**
     * One indexed query with one parameter, the subject, over unqualified tables; zero or one row, read by {@link
     * #read}.
     */
    String activeMemberQuery();

    /** The membership in the current row of {@link #activeMemberQuery()}'s result. */
    Membership read(ResultSet row) throws SQLException;
}
