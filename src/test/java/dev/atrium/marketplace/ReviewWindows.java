package dev.atrium.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants.Tenant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Moves time for one contract's review window, so a test sees its end without waiting 14 days: the window's stored
 * end is put just after its opening (in the past), and its end job is made due now, in one transaction, straight in
 * the database. The scheduler, polling every half second in tests, then runs the job as it would after 14 days.
 */
final class ReviewWindows {

    private ReviewWindows() {}

    static void endNow(Tenant tenant, String contract) {
        String schema = "t_" + tenant.slug().replace('-', '_');
        try (Connection db = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + TestSystem.profile().databasePort() + "/atrium", "postgres", "")) {
            db.setAutoCommit(false);
            try (PreparedStatement window = db.prepareStatement("update " + schema + ".marketplace_review_window"
                            + " set closes_at = opened_at + interval '1 millisecond' where contract_id = ?::uuid");
                    PreparedStatement job = db.prepareStatement("update platform.scheduled_tasks"
                            + " set execution_time = now() where task_name = 'marketplace.review-window-end'"
                            + " and task_instance = ? and not picked")) {
                window.setString(1, contract);
                assertEquals(1, window.executeUpdate(), "the contract's review window");
                job.setString(1, "contract-" + contract);
                assertEquals(1, job.executeUpdate(), "the window's end job, waiting");
            }
            db.commit();
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }
}
