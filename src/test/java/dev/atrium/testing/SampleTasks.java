package dev.atrium.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Loads many tasks straight into a tenant's schema for the benchmarks (setting up thousands of tasks through the API
 * would measure the set-up, not the reads). Titles and descriptions are drawn from a small vocabulary, so that
 * full-text searches find something.
 */
public final class SampleTasks {

    public static final String[] WORDS = {
        "design", "landing", "page", "copy", "review", "deploy", "database", "backup", "invoice", "client", "lesson",
        "quiz", "video", "course", "event", "poster", "budget", "report", "survey", "onboarding", "search", "index",
        "mobile", "layout", "photo", "interview", "contract", "proposal", "meeting", "release"
    };

    private SampleTasks() {}

    /** Loads {@code count} tasks in one transaction; the first {@code assigned} are the member's, all dated. */
    public static List<UUID> load(String slug, UUID project, UUID member, int count, int assigned) throws SQLException {
        String schema = "t_" + slug.replace('-', '_');
        Random random = new Random(42);
        String[] statuses = {"TODO", "IN_PROGRESS", "IN_REVIEW", "DONE", "CANCELLED"};
        String[] priorities = {"LOW", "MEDIUM", "HIGH", "URGENT"};
        List<UUID> ids = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection db = DriverManager.getConnection(
                TestSystem.profile().jdbcUrl(),
                TestSystem.profile().databaseUser(),
                TestSystem.profile().databasePassword())) {
            db.setAutoCommit(false);
            try (PreparedStatement task = db.prepareStatement("insert into " + schema + ".task (id, project_id, title,"
                            + " description, status, priority, position, due_date, created_by, created_at, updated_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement assignee = db.prepareStatement(
                            "insert into " + schema + ".task_assignee (task_id, member_id) values (?, ?)")) {
                for (int i = 0; i < count; i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    task.setObject(1, id);
                    task.setObject(2, project);
                    task.setString(3, words(random, 4));
                    task.setString(4, words(random, 20));
                    task.setString(5, statuses[random.nextInt(statuses.length)]);
                    task.setString(6, priorities[random.nextInt(priorities.length)]);
                    task.setLong(7, (i + 1L) << 20);
                    task.setObject(
                            8,
                            i < assigned || random.nextBoolean()
                                    ? LocalDate.now().plusDays(random.nextInt(120))
                                    : null);
                    task.setObject(9, member);
                    task.setObject(10, now);
                    task.setObject(11, now);
                    task.addBatch();
                    if (i < assigned) {
                        assignee.setObject(1, id);
                        assignee.setObject(2, member);
                        assignee.addBatch();
                    }
                }
                task.executeBatch();
                assignee.executeBatch();
            }
            db.commit();
            try (Statement analyze = db.createStatement()) {
                db.setAutoCommit(true);
                analyze.execute("analyze " + schema + ".task");
                analyze.execute("analyze " + schema + ".task_assignee");
            }
        }
        return ids;
    }

    private static String words(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
