package dev.atrium.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server from the embedded binaries on Maven Central, holding the {@code atrium} database and
 * login role the application uses.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "atrium";
    static final String ROLE = "atrium";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(StackProfile profile, Path stateDirectory)
            throws IOException, SQLException, InterruptedException {
        Path dataDirectory = stateDirectory.resolve("postgres");
        stopLeftover(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(profile.databasePort())
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(profile.cleanState())
                // Each tenant is a schema: onboarding many of them in a test run takes many locks at once.
                .setServerConfig("max_connections", "200")
                .setServerConfig("max_locks_per_transaction", "256")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("fsync", profile.cleanState() ? "off" : "on")
                // A server log in <data>/log/postgresql.log (no spaces or shell characters in values: pg_ctl passes
                // them through a shell unquoted);
                // statements are logged only while a benchmark asks for it
                // (log_statement, switched at run time), to count the round trips of one request.
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", "log")
                .setServerConfig("log_filename", "postgresql.log")
                .setServerConfig("log_line_prefix", "%m-%p-db=%d-")
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        database.ensureApplicationDatabase(profile.databasePassword());
        return database;
    }

    private void ensureApplicationDatabase(String password) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", ROLE)) {
                statement.execute("CREATE ROLE " + ROLE + " LOGIN");
            }
            try (PreparedStatement setPassword =
                    connection.prepareStatement("SELECT format('ALTER ROLE %I PASSWORD %L', ?, ?)")) {
                setPassword.setString(1, ROLE);
                setPassword.setString(2, password);
                try (ResultSet sql = setPassword.executeQuery()) {
                    sql.next();
                    statement.execute(sql.getString(1));
                }
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * A postmaster whose JVM was killed keeps running and holds the port: stop it before starting again. SIGINT asks
     * for PostgreSQL's fast shutdown, which disconnects clients; SIGTERM's smart shutdown would wait for them.
     */
    static void stopLeftover(Path dataDirectory) throws IOException, InterruptedException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        // Line 2 of postmaster.pid is the data directory the postmaster serves: a pid file copied with another
        // checkout's target/ names that checkout's server, which is not ours to stop.
        boolean ours = lines.size() > 1
                && Path.of(lines.get(1).trim())
                        .toAbsolutePath()
                        .normalize()
                        .equals(dataDirectory.toAbsolutePath().normalize());
        if (!ours) {
            System.out.println("[stack] postmaster.pid belongs to another data directory; removing the stale copy");
        }
        Optional<ProcessHandle> postmaster = lines.isEmpty() || !ours
                ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        if (postmaster.filter(ProcessHandle::isAlive).isPresent()) {
            ProcessHandle handle = postmaster.get();
            System.out.printf("[stack] stopping PostgreSQL left over from an earlier run (pid %d)%n", handle.pid());
            new ProcessBuilder("kill", "-INT", Long.toString(handle.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException stillRunning) {
                handle.destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
