package dev.atrium.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.TestSystem;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What was committed before the server dies (SIGKILL, no shutdown) is carried out after it restarts: an outbox event
 * (the hold makes "after commit, before delivery" certain rather than a race) and a job due after the crash. Runs
 * first of all integration tests (junit-platform.properties): the restart breaks Arquillian's JMX connection if one
 * was already made.
 */
@Order(1)
class CrashRecoveryIT {

    private final Api operator = Api.withToken(TestSystem.operatorToken());

    @AfterEach
    void release() {
        operator.put("/api/v1/platform/outbox/hold", "{\"paused\": false}");
    }

    @Test
    void anEventCommittedBeforeACrashIsDeliveredAfterTheRestart() {
        assertEquals(
                200,
                operator.put("/api/v1/platform/outbox/hold", "{\"paused\": true}")
                        .status());
        Api.Reply created = operator.post("/api/v1/platform/probes/outbox", "{}");
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("id");
        assertEquals(0, probe(id).getInt("attempts"), "committed, not yet delivered");

        TestSystem.crashAndRestartApplication();

        assertEquals(0, probe(id).getInt("attempts"), "nothing is delivered while held");
        assertEquals(
                200,
                operator.put("/api/v1/platform/outbox/hold", "{\"paused\": false}")
                        .status());
        JsonObject done = Await.until("probe " + id + " delivered", Duration.ofSeconds(30), () -> {
            JsonObject probe = probe(id);
            return probe.containsKey("completedAt") ? Optional.of(probe) : Optional.empty();
        });
        assertEquals(1, done.getInt("attempts"), done::toString);
    }

    private JsonObject probe(String id) {
        Api.Reply reply = operator.get("/api/v1/platform/probes/" + id);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }
}
