package dev.atrium.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atrium.testing.Api;
import dev.atrium.testing.SampleTasks;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Figures for a project with 10,000 tasks, written to {@code target/benchmarks/projects.md}: latency (sequential) and
 * throughput (4 concurrent clients) of reading one task, a filtered page of 50, and the full-text search; and the
 * time of the calendar feed of a member with 1,000 dated tasks. The tasks are loaded straight into the tenant's
 * schema (setting up 10,000 tasks through the API would measure the set-up, not the reads). Run with
 * {@code ./mvnw verify -Pbenchmark}.
 */
class ProjectsBenchmark {

    private static final int TASKS = 10_000;
    private static final int ASSIGNED = 1_000;
    private static final int SAMPLES = 1_000;
    private static final int WARM_UP = 200;

    @Test
    void tenThousandTasks() throws Exception {
        Tenant tenant = TestTenants.onboard("bench");
        Member member = TestTenants.invite(tenant, "professional");
        Api api = member.api();
        String project = api.post(tenant.path("/projects"), "{\"name\": \"Benchmark\", \"visibility\": \"tenant\"}")
                .json()
                .getString("id");
        List<UUID> ids = SampleTasks.load(
                tenant.slug(), UUID.fromString(project), UUID.fromString(member.id()), TASKS, ASSIGNED);
        String feed = api.post(tenant.path("/calendar/feed"), "").json().getString("url");
        String tasks = tenant.path("/projects/" + project + "/tasks");
        Random random = new Random(7);

        String report = """
                # Projects benchmark

                Machine: %d cores, Java %s; embedded PostgreSQL, Keycloak and Liberty on one host (the test stack).
                One project with %,d tasks; %,d of them assigned to the member and dated. Latency: %,d sequential
                requests after %d warm-up (ms). Throughput: the same requests from 4 concurrent clients.

                | request | p50 | p90 | p99 | throughput (req/s) |
                |---|---|---|---|---|
                | read one task `GET .../tasks/{id}` | %s |
                | page of 50, filtered `GET .../tasks?status=todo&priority=high&size=50` | %s |
                | full-text search `GET .../tasks?q=landing%%20page&size=50` | %s |
                | calendar feed, %,d dated tasks `GET .../calendar/{secret}.ics` | %s |
                """.formatted(
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        TASKS,
                        ASSIGNED,
                        SAMPLES,
                        WARM_UP,
                        measure(i -> api.get(tasks + "/" + ids.get(random.nextInt(ids.size()))), SAMPLES),
                        measure(i -> api.get(tasks + "?status=todo&priority=high&size=50&page=" + (i % 5)), SAMPLES),
                        measure(
                                i -> api.get(tasks + "?q=" + SampleTasks.WORDS[i % SampleTasks.WORDS.length]
                                        + "%20page&size=50"),
                                SAMPLES),
                        ASSIGNED,
                        measure(i -> Api.at(feed).get(""), SAMPLES / 10));
        Path out = Path.of(System.getProperty("atrium.build.directory", "target"), "benchmarks", "projects.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static String measure(IntFunction<Api.Reply> request, int samples) throws Exception {
        for (int i = 0; i < WARM_UP / (samples < SAMPLES ? 10 : 1); i++) {
            assertEquals(200, request.apply(i).status());
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long started = System.nanoTime();
            Api.Reply reply = request.apply(i);
            millis.add((System.nanoTime() - started) / 1e6);
            assertEquals(200, reply.status(), reply::toString);
        }
        Collections.sort(millis);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long started = System.nanoTime();
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            int n = i;
            calls.add(clients.submit(() -> request.apply(n).status()));
        }
        for (Future<Integer> call : calls) {
            assertEquals(200, call.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdown();
        return "%.2f | %.2f | %.2f | %.0f".formatted(at(millis, 50), at(millis, 90), at(millis, 99), samples / seconds);
    }

    private static double at(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
