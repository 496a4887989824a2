package dev.atrium.platform;

import dev.atrium.testing.Api;
import dev.atrium.testing.LoadRuns;
import dev.atrium.testing.SampleTasks;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cost of the tenant request path, written to {@code target/benchmarks/request-path.md}: throughput and p50/p99 of
 * reading one task, the caller's member profile, a page of 50 tasks and {@code /health/live}, from 4 and 16
 * concurrent clients; {@code pgbench -S} (point selects) against the same PostgreSQL in the same run, as the
 * reference the task read is compared with; and the statements each read sends to PostgreSQL, counted in the
 * server's statement log. A benchmark, not a test: run it with {@code ./mvnw verify -Pbenchmark
 * -Dit.test=RequestPathBenchmark}. pgbench comes with PostgreSQL's client tools ({@code apt-get install
 * postgresql-client} or the server package on Debian); without it that row says so.
 */
class RequestPathBenchmark {

    private static final int TASKS = 1_000;
    private static final int REQUESTS = 4_000;
    private static final int[] CLIENTS = {4, 16};
    private static final int PGBENCH_SECONDS = 10;
    private static final Pattern STATEMENT = Pattern.compile("db=atrium-LOG:  (?:statement|execute [^:]*): (.*)");

    @Test
    void requestPath() throws Exception {
        Tenant tenant = TestTenants.onboard("path");
        Member member = TestTenants.invite(tenant, "professional");
        Api api = member.api();
        String project = api.post(tenant.path("/projects"), "{\"name\": \"Path\", \"visibility\": \"tenant\"}")
                .json()
                .getString("id");
        List<UUID> ids =
                SampleTasks.load(tenant.slug(), UUID.fromString(project), UUID.fromString(member.id()), TASKS, 100);
        String tasks = tenant.path("/projects/" + project + "/tasks");
        Random random = new Random(11);

        Map<String, IntFunction<Api.Reply>> reads = new LinkedHashMap<>();
        reads.put("`GET .../tasks/{id}`", i -> api.get(tasks + "/" + ids.get(random.nextInt(ids.size()))));
        reads.put("`GET .../members/me`", i -> api.get(tenant.path("/members/me")));
        reads.put("`GET .../tasks?size=50` (page of 50)", i -> api.get(tasks + "?size=50&page=" + (i % 10)));
        reads.put("`GET /health/live`", i -> Api.anonymous().get("/health/live"));

        StringBuilder rows = new StringBuilder();
        Map<String, LoadRuns.Figures> taskRead = new LinkedHashMap<>();
        for (var read : reads.entrySet()) {
            for (int clients : CLIENTS) {
                LoadRuns.Figures figures = LoadRuns.run(read.getValue(), clients, REQUESTS);
                rows.append("| ")
                        .append(read.getKey())
                        .append(" | ")
                        .append(figures.row())
                        .append(" |\n");
                if (read.getKey().contains("tasks/{id}")) {
                    taskRead.put(String.valueOf(clients), figures);
                }
            }
        }

        StringBuilder reference = new StringBuilder();
        for (int clients : CLIENTS) {
            double tps = pgbenchSelectOnly(clients);
            LoadRuns.Figures task = taskRead.get(String.valueOf(clients));
            reference.append("| %d | %s | %,.0f | %s |\n"
                    .formatted(
                            clients,
                            tps > 0 ? "%,.0f".formatted(tps) : "pgbench not installed",
                            task.throughput(),
                            tps > 0 ? "%.1f %%".formatted(100 * task.throughput() / tps) : "n/a"));
        }

        StringBuilder statements = new StringBuilder();
        for (var read : reads.entrySet()) {
            if (read.getKey().contains("health")) {
                continue;
            }
            List<String> logged = statementsOf(read.getValue());
            statements
                    .append("| ")
                    .append(read.getKey())
                    .append(" | %d | %d | ".formatted(logged.size(), roundTrips(logged)))
                    .append(String.join(
                            "<br>",
                            logged.stream().map(RequestPathBenchmark::shorten).toList()))
                    .append(" |\n");
        }

        String report = """
                # Request path benchmark

                Machine: %d cores, Java %s; embedded PostgreSQL, Keycloak and Liberty, and the clients, on one host.
                A tenant with one project of %,d tasks; every request carries a member's token (signature verified,
                tenant bound, membership checked). Each row: %,d requests after %,d warm-up, from concurrent clients.

                | request | clients | p50 (ms) | p99 (ms) | throughput (req/s) |
                |---|---|---|---|---|
                %s
                ## Against pgbench -S on the same PostgreSQL

                `pgbench -S` (select-only, scale 10, %d s) with as many connections as the clients above, in the same
                run: the rate of PostgreSQL's own point query, which no request through the application can beat.

                | clients | pgbench -S (tps) | task read (req/s) | task read / pgbench |
                |---|---|---|---|
                %s
                ## Statements per read

                Counted in PostgreSQL's statement log (`log_statement = all`) for one request each. pgjdbc sends
                `BEGIN` in the same network round trip as the first query, and the tenant gate sends the membership
                query in one batch with the statement that opens the tenant; round trips count neither separately.

                | request | statements | round trips | statements |
                |---|---|---|---|
                %s""".formatted(
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        TASKS,
                        REQUESTS,
                        REQUESTS / 5,
                        rows,
                        PGBENCH_SECONDS,
                        reference,
                        statements);
        Path out = Path.of(System.getProperty("atrium.build.directory", "target"), "benchmarks", "request-path.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    /**
     * Statements that share a network round trip: pgjdbc sends {@code BEGIN} with the first query, and the tenant
     * gate sends the membership query in one batch with the statement that opens the tenant.
     */
    static long roundTrips(List<String> statements) {
        long trips = 0;
        for (int i = 0; i < statements.size(); i++) {
            String statement = statements.get(i);
            boolean batchedWithPrevious = i > 0
                    && statement.startsWith("select m.id, m.display_name")
                    && statements.get(i - 1).startsWith("select t.slug, t.name");
            if (!statement.equalsIgnoreCase("BEGIN") && !batchedWithPrevious) {
                trips++;
            }
        }
        return trips;
    }

    /** Select-only pgbench on its own database in the same server; 0 when pgbench is not installed. */
    private static double pgbenchSelectOnly(int clients) throws Exception {
        String pgbench = pgbench();
        if (pgbench == null) {
            return 0;
        }
        try (Connection admin = superuser("postgres");
                Statement statement = admin.createStatement()) {
            if (!statement
                    .executeQuery("select 1 from pg_database where datname = 'pgbench'")
                    .next()) {
                statement.execute("create database pgbench");
                run(pgbench, "-i", "-q", "-s", "10", "pgbench");
            }
        }
        String output = run(
                pgbench,
                "-S",
                "-n",
                "-c",
                String.valueOf(clients),
                "-j",
                String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                "-T",
                String.valueOf(PGBENCH_SECONDS),
                "pgbench");
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps: " + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    /** The statements PostgreSQL ran for one request (after a warm-up call), from its statement log. */
    private static List<String> statementsOf(IntFunction<Api.Reply> read) throws Exception {
        read.apply(0);
        Path log = Path.of(System.getProperty("atrium.build.directory", "target"))
                .resolve("stack/test/postgres/log/postgresql.log");
        long before = Files.exists(log) ? Files.size(log) : 0;
        setStatementLog("all");
        try {
            read.apply(1);
        } finally {
            setStatementLog("none");
        }
        List<String> statements = new ArrayList<>();
        for (String line : newLines(log, before)) {
            Matcher statement = STATEMENT.matcher(line);
            if (statement.find()) {
                statements.add(statement.group(1).trim());
            }
        }
        return statements;
    }

    /** Changes log_statement for every session; waits until the server has taken it (a reload is asynchronous). */
    private static void setStatementLog(String value) throws SQLException, InterruptedException {
        try (Connection admin = superuser("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("alter system set log_statement = '" + value + "'");
            statement.execute("select pg_reload_conf()");
        }
        // Backends apply a reload when they next wake; the pooled ones are idle, so give them a moment.
        TimeUnit.MILLISECONDS.sleep(500);
    }

    private static List<String> newLines(Path log, long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return List.of(new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8).split("\n"));
    }

    private static Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + TestSystem.profile().databasePort() + "/" + database, "postgres", "");
    }

    private static String pgbench() {
        for (String candidate : List.of("/usr/bin/pgbench", "/usr/local/bin/pgbench")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin/pgbench"))
                    .filter(Files::isExecutable)
                    .map(Path::toString)
                    .findFirst()
                    .orElse(null);
        } catch (IOException none) {
            return null;
        }
    }

    private static String run(String pgbench, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                pgbench,
                "-h",
                "localhost",
                "-p",
                String.valueOf(TestSystem.profile().databasePort()),
                "-U",
                "postgres"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        return output;
    }

    private static String shorten(String statement) {
        String oneLine = statement.replaceAll("\\s+", " ");
        return oneLine.length() > 90 ? oneLine.substring(0, 87) + "..." : oneLine;
    }
}
