package dev.atrium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Failures that reach the database at commit time or from outside: answered as problems a client can act on (409,
 * 412, 503 with Retry-After), never a 500, and no acknowledged write is lost.
 */
class FailureModesIT {

    @Test
    void concurrentWritesOfOneVersionLeaveOneWinnerAndA412() throws Exception {
        Tenant tenant = TestTenants.onboard("race");
        Api api = tenant.admin().api();
        String project = tenant.path("/projects/"
                + api.post(tenant.path("/projects"), "{\"name\": \"Race\"}")
                        .json()
                        .getString("id"));
        for (int round = 0; round < 5; round++) {
            String etag = api.get(project).header("ETag").orElseThrow();
            int n = round;
            List<Api.Reply> replies = concurrently(2, i -> api.withHeader("If-Match", etag)
                    .patch(project, "{\"description\": \"writer %d of round %d\"}".formatted(i, n)));
            List<Integer> statuses =
                    replies.stream().map(Api.Reply::status).sorted().toList();
            assertEquals(List.of(200, 412), statuses, replies::toString);
        }
    }

    @Test
    void concurrentCreationsOfOneUniqueRowAreAConflictNotA500() throws Exception {
        Tenant tenant = TestTenants.onboard("uniq");
        for (int round = 0; round < 5; round++) {
            Member member = TestTenants.invite(tenant, "student");
            Api api = member.api();
            List<Api.Reply> replies = concurrently(3, i -> api.post(tenant.path("/calendar/feed"), ""));
            for (Api.Reply reply : replies) {
                assertTrue(reply.status() == 201 || reply.status() == 409, reply::toString);
                if (reply.status() == 409) {
                    assertTrue(reply.isProblem(), reply::toString);
                }
            }
            assertTrue(replies.stream().anyMatch(reply -> reply.status() == 201), replies::toString);
        }
    }

    @Test
    void losingEveryDatabaseConnectionUnderWriteLoadAnswers503AndLosesNoAcknowledgedWrite() throws Exception {
        Tenant tenant = TestTenants.onboard("failover");
        Api api = tenant.admin().api();
        String tasks = tenant.path("/projects/"
                + api.post(tenant.path("/projects"), "{\"name\": \"Failover\"}")
                        .json()
                        .getString("id") + "/tasks");
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        Semaphore acknowledgements = new Semaphore(0);
        List<Api.Reply> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                for (int i = 0; writing.get() && i < 400; i++) {
                    Api.Reply reply = api.post(tasks, "{\"title\": \"w%d-%d\"}".formatted(writer, i));
                    if (reply.status() == 201) {
                        acknowledged.put(reply.json().getString("id"), 1);
                        acknowledgements.release();
                    } else {
                        refused.add(reply);
                    }
                }
            }));
        }
        try (Connection admin = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + TestSystem.profile().databasePort() + "/postgres",
                        "postgres",
                        "");
                Statement statement = admin.createStatement()) {
            for (int cut = 0; cut < 3; cut++) {
                // Cut once some writes went through since the last cut, so that each cut lands mid-load.
                assertTrue(acknowledgements.tryAcquire(20, 30, TimeUnit.SECONDS), "writes were acknowledged");
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where datname = 'atrium' and usename = 'atrium' and pid <> pg_backend_pid()");
            }
        }
        writing.set(false);
        for (Future<?> writer : running) {
            writer.get();
        }
        writers.shutdown();

        for (Api.Reply reply : refused) {
            assertEquals(503, reply.status(), reply::toString);
            assertTrue(reply.isProblem(), reply::toString);
            assertTrue(reply.header("Retry-After").isPresent(), reply::toString);
        }
        assertEquals(200, api.get(tasks + "?size=1").status(), "the pool recovered");
        long stored = api.get(tasks + "?size=1").json().getJsonNumber("total").longValue();
        // A commit whose answer was lost with the connection may have stored a task answered with 503 (the client
        // retries it); an acknowledged one must never be missing.
        assertTrue(stored >= acknowledged.size(), "every acknowledged write is stored: " + stored);
        assertTrue(stored <= acknowledged.size() + refused.size(), "nothing else is stored: " + stored);
    }

    private static List<Api.Reply> concurrently(int callers, java.util.function.IntFunction<Api.Reply> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(n);
                }));
            }
            start.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
