package dev.atrium.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The job scheduler through its probes: jobs run once at their time, failures are retried with backoff and then
 * kept for an operator, who can retry them; only operators see any of it.
 */
class JobsIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final Api operator = Api.withToken(TestSystem.operatorToken());

    @Test
    void aJobDueNowRunsOnceAndRecordsItsPickUp() {
        JsonObject probe = createProbe("{}");
        JsonObject done = completed(probe.getString("id"));
        assertEquals(1, done.getInt("attempts"), done::toString);
        assertTrue(done.getJsonNumber("pickUpMillis").longValue() >= 0, done::toString);
    }

    @Test
    void aFailingJobIsRetriedWithBackoffUntilItSucceeds() {
        JsonObject probe = createProbe("{\"failures\": 2}");
        JsonObject done = completed(probe.getString("id"));
        assertEquals(3, done.getInt("attempts"), done::toString);
        assertFalse(listed("failed", probe.getString("id")).isPresent());
    }

    @Test
    void aJobThatFailsEveryAttemptIsKeptForAnOperatorWhoCanRetryIt() {
        String id = createProbe("{\"failures\": 3}").getString("id");
        JsonObject failed = Await.until("the probe on the failed list", WITHIN, () -> listed("failed", id));
        assertEquals(3, failed.getInt("attempts"), failed::toString);
        assertTrue(failed.getString("lastError").contains("probe attempt 3 fails"), failed::toString);
        assertEquals("failed", failed.getString("status"));
        assertFalse(probe(id).containsKey("completedAt"));

        Api.Reply retried = operator.post("/api/v1/platform/jobs/platform.probe/" + id + "/retry", "");
        assertEquals(200, retried.status(), retried::toString);
        JsonObject done = completed(id);
        assertEquals(4, done.getInt("attempts"), done::toString);
        assertFalse(listed("failed", id).isPresent());

        Api.Reply again = operator.post("/api/v1/platform/jobs/platform.probe/" + id + "/retry", "");
        assertEquals(404, again.status(), again::toString);
        assertTrue(again.isProblem());
    }

    @Test
    void aJobForLaterIsListedAsScheduledAndDoesNotRunEarly() {
        String id = createProbe("{\"delaySeconds\": 3600}").getString("id");
        JsonObject scheduled = listed("scheduled", id).orElseThrow(() -> new AssertionError("not scheduled: " + id));
        assertEquals("scheduled", scheduled.getString("status"));
        assertNotNull(scheduled.getString("due"));
        assertEquals(0, probe(id).getInt("attempts"));
    }

    @Test
    void onlyOperatorsSeeJobsAndBadFiltersAreRefused() {
        assertEquals(401, Api.anonymous().get("/api/v1/platform/jobs").status());
        TestTenants.Tenant tenant = TestTenants.onboard("jobs");
        Api admin = Api.withToken(tenant.admin().token());
        assertEquals(403, admin.get("/api/v1/platform/jobs").status());
        assertEquals(403, admin.post("/api/v1/platform/probes/jobs", "{}").status());
        Api.Reply bad = operator.get("/api/v1/platform/jobs?status=lost");
        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.body().contains("status"), bad::toString);
        Api.Reply tooMany = operator.post("/api/v1/platform/probes/jobs", "{\"failures\": 9}");
        assertEquals(400, tooMany.status(), tooMany::toString);
        assertEquals(
                404,
                operator.delete("/api/v1/platform/jobs/platform.probe/unknown").status());
    }

    private JsonObject createProbe(String body) {
        Api.Reply created = operator.post("/api/v1/platform/probes/jobs", body);
        assertEquals(201, created.status(), created::toString);
        String location = created.header("Location").orElseThrow();
        assertTrue(location.endsWith("/api/v1/platform/probes/" + created.json().getString("id")), location);
        return created.json();
    }

    private JsonObject probe(String id) {
        Api.Reply reply = operator.get("/api/v1/platform/probes/" + id);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private JsonObject completed(String id) {
        return Await.until("probe " + id + " completed", WITHIN, () -> {
            JsonObject probe = probe(id);
            return !probe.containsKey("completedAt") ? Optional.empty() : Optional.of(probe);
        });
    }

    private Optional<JsonObject> listed(String status, String id) {
        Api.Reply list = operator.get("/api/v1/platform/jobs?status=" + status + "&kind=platform.probe&size=100");
        assertEquals(200, list.status(), list::toString);
        return list.json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject())
                .filter(item -> item.getString("id").equals(id))
                .findFirst();
    }
}
