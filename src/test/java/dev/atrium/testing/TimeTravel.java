package dev.atrium.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Moves time forward for one piece of a tenant's data, so that a test of something due in days (a release window, a
 * review period) does not wait days: the stored deadline is moved into the past and the job that acts on it is made
 * due now; the scheduler's heartbeat (1 s in tests) then runs it as it would have when its time came. The application
 * still decides what is due: it reads the deadline and the clock as always.
 */
public final class TimeTravel {

    private TimeTravel() {}

    /** Runs an update in the tenant's schema (a deadline moved into the past). @return rows changed */
    public static int inTenant(String slug, String sql, Object... parameters) {
        try (Connection connection = connect()) {
            connection.createStatement().execute("set search_path to \"t_" + slug.replace('-', '_') + "\"");
            return update(connection, sql, parameters);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** Makes the jobs of a kind whose id starts with {@code idPrefix} due now. @return how many */
    public static int jobsDueNow(String kind, String idPrefix) {
        try (Connection connection = connect()) {
            return update(
                    connection,
                    "update platform.scheduled_tasks set execution_time = now() where task_name = ?"
                            + " and task_instance like ? and picked = false",
                    kind,
                    idPrefix + "%");
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + TestSystem.profile().databasePort() + "/atrium", "postgres", "");
    }
}
