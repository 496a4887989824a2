package dev.atrium.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox through its probes: events are delivered after commit, failed deliveries are retried and then kept for
 * an operator, and a hold keeps them waiting. The crash test is {@code CrashRecoveryIT}.
 */
class OutboxIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final Api operator = Api.withToken(TestSystem.operatorToken());

    @AfterEach
    void release() {
        operator.put("/api/v1/platform/outbox/hold", "{\"paused\": false}");
    }

    @Test
    void anEventIsDeliveredAfterItsTransactionCommits() {
        String id = probe("{}");
        JsonObject done = delivered(id);
        assertEquals(1, done.getInt("attempts"), done::toString);
        assertTrue(done.getJsonNumber("completionMillis").longValue() >= 0, done::toString);
    }

    @Test
    void aFailingDeliveryIsRetriedUntilItSucceeds() {
        String id = probe("{\"failures\": 2}");
        assertEquals(3, delivered(id).getInt("attempts"));
    }

    @Test
    void aDeliveryThatFailsEveryAttemptIsKeptForAnOperatorWhoCanRetryIt() {
        String id = probe("{\"failures\": 3}");
        Await.until("the probe failed three times", WITHIN, () -> {
            JsonObject probe = probeView(id);
            return probe.getInt("attempts") == 3 ? Optional.of(probe) : Optional.empty();
        });
        JsonObject failed = Await.until("a failed delivery", WITHIN, () -> failedDelivery(id));
        assertEquals(3, failed.getInt("attempts"), failed::toString);
        assertEquals("platform.probe-requested", failed.getString("type"));
        assertTrue(failed.getString("lastError").contains("probe attempt 3 fails"), failed::toString);

        Api.Reply retried = operator.post(
                "/api/v1/platform/outbox/deliveries/" + failed.getJsonNumber("eventId") + "/platform.probe-receipt"
                        + "/retry",
                "");
        assertEquals(204, retried.status(), retried::toString);
        assertEquals(4, delivered(id).getInt("attempts"));
        assertFalse(failedDelivery(id).isPresent());
    }

    @Test
    void anEventOfATransactionThatRolledBackIsNeverDelivered() {
        Api.Reply rolledBack = operator.post("/api/v1/platform/probes/outbox", "{\"rollBack\": true}");
        assertEquals(409, rolledBack.status(), rolledBack::toString);
        String detail = rolledBack.json().getString("detail");
        String lost = detail.substring("Probe ".length(), detail.indexOf(' ', "Probe ".length()));
        // A probe published after it is delivered: had the first event been committed, it would be too by now.
        delivered(probe("{}"));
        assertEquals(404, operator.get("/api/v1/platform/probes/" + lost).status(), "the probe rolled back");
        for (String status : new String[] {"pending", "delivered", "failed"}) {
            assertFalse(delivery(status, lost).isPresent(), status + ": " + lost);
        }
    }

    @Test
    void deliveredEventsArePurgedAfterTheirKeepingTimeAndFailedOnesKept() throws Exception {
        String old = probe("{}");
        delivered(old);
        String failing = probe("{\"failures\": 3}");
        Await.until("a failed delivery", WITHIN, () -> failedDelivery(failing));
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(
                        TestSystem.profile().jdbcUrl(),
                        TestSystem.profile().databaseUser(),
                        TestSystem.profile().databasePassword());
                java.sql.PreparedStatement age = db.prepareStatement("with aged as (update platform.outbox_event"
                        + " set occurred_at = now() - interval '8 days' where payload ->> 'probeId' in (?, ?)"
                        + " returning id) update platform.outbox_delivery d set delivered_at = now() - interval '8 days'"
                        + " from aged where d.event_id = aged.id and d.delivered_at is not null")) {
            age.setString(1, old);
            age.setString(2, failing);
            assertEquals(1, age.executeUpdate(), "the delivered one's delivery");
        }
        assertEquals(
                204,
                operator.post("/api/v1/platform/jobs/recurring/outbox.purge/run", "")
                        .status());
        Await.until(
                "the delivered event purged",
                WITHIN,
                () -> delivery("delivered", old).isEmpty() ? Optional.of(true) : Optional.empty());
        assertTrue(failedDelivery(failing).isPresent(), "a failed delivery waits for an operator, however old");
    }

    @Test
    void aHoldKeepsEventsWaitingUntilReleased() {
        Api.Reply held = operator.put("/api/v1/platform/outbox/hold", "{\"paused\": true}");
        assertEquals(200, held.status(), held::toString);
        assertTrue(held.json().getBoolean("paused"));
        assertEquals("operator", held.json().getString("changedBy"));
        String id = probe("{}");
        assertTrue(pendingDelivery(id).isPresent(), "waits while held");

        assertEquals(
                200,
                operator.put("/api/v1/platform/outbox/hold", "{\"paused\": false}")
                        .status());
        delivered(id);
    }

    @Test
    void onlyOperatorsReachTheOutboxAndBadInputIsRefused() {
        assertEquals(
                401, Api.anonymous().get("/api/v1/platform/outbox/deliveries").status());
        TestTenants.Tenant tenant = TestTenants.onboard("outbox");
        Api admin = Api.withToken(tenant.admin().token());
        assertEquals(403, admin.get("/api/v1/platform/outbox/deliveries").status());
        assertEquals(
                403,
                admin.put("/api/v1/platform/outbox/hold", "{\"paused\": true}").status());
        Api.Reply badStatus = operator.get("/api/v1/platform/outbox/deliveries?status=lost");
        assertEquals(400, badStatus.status(), badStatus::toString);
        Api.Reply noFlag = operator.put("/api/v1/platform/outbox/hold", "{}");
        assertEquals(400, noFlag.status(), noFlag::toString);
        Api.Reply unknown = operator.post("/api/v1/platform/outbox/deliveries/999999999/nobody.here/retry", "");
        assertEquals(404, unknown.status(), unknown::toString);
        assertTrue(unknown.isProblem());
    }

    private String probe(String body) {
        Api.Reply created = operator.post("/api/v1/platform/probes/outbox", body);
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    private JsonObject probeView(String id) {
        Api.Reply reply = operator.get("/api/v1/platform/probes/" + id);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private JsonObject delivered(String id) {
        return Await.until("probe " + id + " delivered", WITHIN, () -> {
            JsonObject probe = probeView(id);
            return !probe.containsKey("completedAt") ? Optional.empty() : Optional.of(probe);
        });
    }

    private Optional<JsonObject> failedDelivery(String probeId) {
        return delivery("failed", probeId);
    }

    private Optional<JsonObject> pendingDelivery(String probeId) {
        return delivery("pending", probeId);
    }

    private Optional<JsonObject> delivery(String status, String probeId) {
        Api.Reply list = operator.get("/api/v1/platform/outbox/deliveries?status=" + status + "&size=100");
        assertEquals(200, list.status(), list::toString);
        return list.json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject())
                .filter(item -> item.getString("consumer").equals("platform.probe-receipt"))
                .filter(item ->
                        item.getJsonObject("payload").getString("probeId").equals(probeId))
                .findFirst();
    }
}
