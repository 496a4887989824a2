package dev.atrium.platform.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.KeycloakAdmin;
import dev.atrium.testing.LiveClient;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Members' live sockets: what arrives, resuming, and who is refused or let go; with real tokens over real sockets. */
class LiveIT {

    private static Tenant tenant;
    private static Member alice;
    private static Member bob;
    private static Member carol;

    @BeforeAll
    static void members() {
        tenant = TestTenants.onboard("live", "standard", "messaging");
        alice = TestTenants.invite(tenant, "student");
        bob = TestTenants.invite(tenant, "student");
        carol = TestTenants.invite(tenant, "professional");
    }

    @Test
    void messagesEditsReadReceiptsAndTypingArriveAsTheyHappen() {
        String id = group(alice, "Live", bob, carol);
        try (LiveClient alices = LiveClient.connect(alice);
                LiveClient bobs = LiveClient.connect(bob)) {
            JsonObject sent = send(bob, id, "Hello, live");
            JsonObject created = alices.next("message.created");
            assertEquals(id, created.getJsonObject("data").getString("conversationId"));
            assertEquals(
                    "Hello, live",
                    created.getJsonObject("data").getJsonObject("message").getString("body"));
            assertTrue(created.getJsonNumber("id").longValue() > 0, created::toString);
            assertEquals(
                    sent.getString("id"),
                    bobs.next("message.created")
                            .getJsonObject("data")
                            .getJsonObject("message")
                            .getString("id"),
                    "the author's other devices are told too");

            bob.api().patch(path("/" + id + "/messages/" + sent.getString("id")), body("Hello, live!"));
            assertEquals(
                    "Hello, live!",
                    alices.next("message.edited")
                            .getJsonObject("data")
                            .getJsonObject("message")
                            .getString("body"));

            alice.api().post(path("/" + id + "/read"), "{}");
            JsonObject read = bobs.next("conversation.read");
            assertEquals(alice.id(), read.getJsonObject("data").getString("memberId"));
            assertEquals(sent.getInt("seq"), read.getJsonObject("data").getInt("lastReadSeq"));

            alices.send(Json.createObjectBuilder()
                    .add("type", "typing")
                    .add("conversationId", id)
                    .build()
                    .toString());
            JsonObject typing = bobs.next("typing");
            assertEquals(alice.id(), typing.getJsonObject("data").getString("memberId"));
            assertFalse(typing.containsKey("id"), "a passing signal is not kept: " + typing);
            alices.send("{\"type\": \"ping\"}");
            alices.next("pong");
            assertTrue(
                    alices.seen().stream()
                            .noneMatch(frame -> frame.getString("type").equals("typing")),
                    "the typist is not told they type: " + alices.seen());
        }
    }

    @Test
    void aClientThatReconnectsIsSentWhatItMissedInOrder() {
        String id = group(alice, "Resume", bob);
        long last;
        try (LiveClient bobs = LiveClient.connect(bob)) {
            send(alice, id, "before");
            last = bobs.next("message.created").getJsonNumber("id").longValue();
        }
        for (String text : List.of("missed 1", "missed 2", "missed 3")) {
            send(alice, id, text);
        }
        try (LiveClient bobs = LiveClient.open(bob.slug())) {
            bobs.authenticate(bob.token(), last);
            JsonObject ready = bobs.next("ready");
            assertTrue(ready.getBoolean("resumed"), ready::toString);
            for (String text : List.of("missed 1", "missed 2", "missed 3")) {
                JsonObject missed = bobs.next("message.created");
                assertEquals(
                        text,
                        missed.getJsonObject("data").getJsonObject("message").getString("body"));
                assertTrue(missed.getJsonNumber("id").longValue() > last);
                last = missed.getJsonNumber("id").longValue();
            }
            send(alice, id, "live again");
            assertEquals(
                    "live again",
                    bobs.next("message.created")
                            .getJsonObject("data")
                            .getJsonObject("message")
                            .getString("body"));
        }
        try (LiveClient bobs = LiveClient.open(bob.slug())) {
            bobs.authenticate(bob.token(), last + 1_000_000);
            assertEquals("unknown-position", bobs.next("ready").getString("reload"));
        }
    }

    @Test
    void aSocketIsRefusedWithoutAValidTokenOfItsTenantAndClosedWhenTheMemberIsRemoved() {
        try (LiveClient silent = LiveClient.open(tenant.slug())) {
            assertEquals(new LiveClient.Closed(4401, "authentication-required"), silent.awaitClose());
        }
        try (LiveClient forged = LiveClient.open(tenant.slug())) {
            forged.authenticate("not.a.token", null);
            assertEquals(new LiveClient.Closed(4401, "invalid-token"), forged.awaitClose());
        }
        Tenant other = TestTenants.onboard("live-other", "standard", "messaging");
        try (LiveClient foreign = LiveClient.open(tenant.slug())) {
            foreign.authenticate(other.admin().token(), null);
            assertEquals(403, foreign.next("error").getInt("status"));
            assertEquals(new LiveClient.Closed(4403, "token-not-for-tenant"), foreign.awaitClose());
        }
        try (LiveClient nowhere = LiveClient.open("no-such-tenant-here")) {
            nowhere.authenticate(alice.token(), null);
            assertEquals(4403, nowhere.awaitClose().code(), "a token of another tenant, whatever the slug");
        }

        Member leaving = TestTenants.invite(tenant, "student");
        try (LiveClient socket = LiveClient.connect(leaving)) {
            socket.send("{not json");
            assertEquals(400, socket.next("error").getInt("status"), "a malformed frame is answered, not fatal");
            Api.Reply removed = tenant.admin().api().delete(tenant.path("/members/" + leaving.id()));
            assertEquals(204, removed.status(), removed::toString);
            assertEquals("member-removed", socket.next("closing").getString("reason"));
            assertEquals(new LiveClient.Closed(4403, "member-removed"), socket.awaitClose());
        }
    }

    @Test
    void aSocketIsClosedWhenItsTokenExpiresUnlessRenewedAndWhenTheTenantIsSuspended() {
        Tenant brief = TestTenants.onboard("live-brief", "standard", "messaging");
        Member dana = TestTenants.invite(brief, "student");
        KeycloakAdmin.connect().setAccessTokenLifespan("tenant-" + brief.slug(), 4);
        try (LiveClient expiring = LiveClient.open(brief.slug());
                LiveClient renewed = LiveClient.open(brief.slug())) {
            expiring.authenticate(dana.freshToken(), null);
            renewed.authenticate(dana.freshToken(), null);
            java.time.Instant firstExpiry =
                    java.time.Instant.parse(expiring.next("ready").getString("expiresAt"));
            renewed.next("ready");
            // A token that lives longer than the first: Keycloak counts expiry in whole seconds.
            String later =
                    dev.atrium.testing.Await.until("a token expiring later", java.time.Duration.ofSeconds(5), () -> {
                        String token = dana.freshToken();
                        return expiryOf(token).isAfter(firstExpiry)
                                ? java.util.Optional.of(token)
                                : java.util.Optional.empty();
                    });
            renewed.send(Json.createObjectBuilder()
                    .add("type", "renew")
                    .add("token", later)
                    .build()
                    .toString());
            assertEquals("token-expired", expiring.next("closing").getString("reason"));
            assertEquals(new LiveClient.Closed(4401, "token-expired"), expiring.awaitClose());
            assertFalse(renewed.isClosed(), "renewed before expiry, it stays open: " + renewed.drain());
            assertEquals("token-expired", renewed.next("closing").getString("reason"));
        }

        KeycloakAdmin.connect().setAccessTokenLifespan("tenant-" + brief.slug(), 300);
        try (LiveClient socket = LiveClient.connect(dana)) {
            Api operator = Api.withToken(TestSystem.operatorToken());
            assertEquals(
                    200,
                    operator.post("/api/v1/platform/tenants/" + brief.slug() + "/suspend", "{}")
                            .status());
            try {
                assertEquals(new LiveClient.Closed(4403, "tenant-suspended"), socket.awaitClose());
            } finally {
                operator.post("/api/v1/platform/tenants/" + brief.slug() + "/resume", "{}");
            }
        }
    }

    @Test
    void whoeverLeavesAProjectStopsReceivingItsConversationAtOnce() {
        Tenant both = TestTenants.onboard("live-proj", "standard", "messaging", "projects");
        Member owner = TestTenants.invite(both, "professional");
        Member teammate = TestTenants.invite(both, "student");
        String project = owner.api()
                .post(both.path("/projects"), "{\"name\": \"Rover\", \"visibility\": \"members\"}")
                .json()
                .getString("id");
        owner.api().put(both.path("/projects/" + project + "/members/" + teammate.id()), "{\"role\": \"editor\"}");
        String open = "{\"kind\": \"context\", \"context\": \"project\", \"contextId\": \"" + project + "\"}";
        String projectChat =
                owner.api().post(both.path("/conversations"), open).json().getString("id");
        teammate.api().post(both.path("/conversations"), open);
        String direct = owner.api()
                .post(both.path("/conversations"), "{\"kind\": \"direct\", \"with\": \"" + teammate.id() + "\"}")
                .json()
                .getString("id");
        try (LiveClient socket = LiveClient.connect(teammate)) {
            owner.api().post(both.path("/conversations/" + projectChat + "/messages"), body("Wheels on"));
            assertEquals(
                    projectChat,
                    socket.next("message.created").getJsonObject("data").getString("conversationId"));

            owner.api().delete(both.path("/projects/" + project + "/members/" + teammate.id()));
            owner.api().post(both.path("/conversations/" + projectChat + "/messages"), body("Secret plans"));
            owner.api().post(both.path("/conversations/" + direct + "/messages"), body("Sorry to see you go"));
            JsonObject next = socket.next("message.created");
            assertEquals(
                    direct,
                    next.getJsonObject("data").getString("conversationId"),
                    "nothing more of the project's conversation: " + socket.seen());
        }
    }

    @Test
    void whenTheServerLosesItsListeningConnectionItCatchesUpAndChecksItsSocketsAgain() throws Exception {
        Member leaving = TestTenants.invite(tenant, "student");
        String id = group(alice, "Outage", bob, leaving);
        try (LiveClient bobs = LiveClient.connect(bob);
                LiveClient leavings = LiveClient.connect(leaving)) {
            try (java.sql.Connection db = java.sql.DriverManager.getConnection(
                            TestSystem.profile().jdbcUrl(),
                            TestSystem.profile().databaseUser(),
                            TestSystem.profile().databasePassword());
                    java.sql.Statement statement = db.createStatement();
                    java.sql.ResultSet killed = statement.executeQuery("select pg_terminate_backend(pid) from"
                            + " pg_stat_activity where query = 'LISTEN atrium_live'")) {
                assertTrue(killed.next(), "the server's listening connection was there to end");
            }
            // Announced while nobody listens: the message from the log, the removal by asking the gate again.
            send(alice, id, "during the outage");
            assertEquals(
                    204,
                    tenant.admin()
                            .api()
                            .delete(tenant.path("/members/" + leaving.id()))
                            .status());
            assertEquals(
                    "during the outage",
                    bobs.next("message.created")
                            .getJsonObject("data")
                            .getJsonObject("message")
                            .getString("body"));
            assertEquals(4403, leavings.awaitClose().code(), "closed once the server listens again");
            send(alice, id, "after the outage");
            assertEquals(
                    "after the outage",
                    bobs.next("message.created")
                            .getJsonObject("data")
                            .getJsonObject("message")
                            .getString("body"),
                    "and it listens on");
        }
    }

    @Test
    void theLiveConsoleIsServedForNewcomers() {
        Api.Reply page = Api.anonymous().get("/live/console");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.contentType().startsWith("text/html"), page::toString);
        assertTrue(page.body().contains("/api/v1/live/socket") && page.body().contains("type: 'authenticate'"));
    }

    @Test
    void aBlockedMembersMessagesAndTypingAreNotDelivered() {
        Member erin = TestTenants.invite(tenant, "student");
        Member frank = TestTenants.invite(tenant, "student");
        String id = group(alice, "Blocking", erin, frank);
        assertEquals(200, erin.api().put(path("/blocks/" + frank.id()), null).status());
        try (LiveClient erins = LiveClient.connect(erin);
                LiveClient franks = LiveClient.connect(frank)) {
            send(frank, id, "from the blocked one");
            franks.send(Json.createObjectBuilder()
                    .add("type", "typing")
                    .add("conversationId", id)
                    .build()
                    .toString());
            send(alice, id, "from alice");
            JsonObject next = erins.next(
                    frame -> frame.getString("type").startsWith("message.")
                            || frame.getString("type").equals("typing"),
                    "a message or typing");
            assertEquals(
                    "from alice",
                    next.getJsonObject("data").getJsonObject("message").getString("body"),
                    "the blocked member's message and typing never arrive: " + erins.seen());
        }
    }

    @Test
    void socketsOfManyTenantsReceiveOnlyTheirOwnTenantsEvents() throws Exception {
        record Pair(Tenant tenant, Member one, Member two, String conversation) {}
        List<Pair> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Tenant each = TestTenants.onboard("live-many", "standard", "messaging");
            Member one = TestTenants.invite(each, "student");
            Member two = TestTenants.invite(each, "student");
            String created = one.api()
                    .post(
                            each.path("/conversations"),
                            Json.createObjectBuilder()
                                    .add("kind", "direct")
                                    .add("with", two.id())
                                    .build()
                                    .toString())
                    .json()
                    .getString("id");
            pairs.add(new Pair(each, one, two, created));
        }
        List<LiveClient> sockets = new java.util.ArrayList<>();
        try {
            for (Pair pair : pairs) {
                sockets.add(LiveClient.connect(pair.two()));
            }
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (Pair pair : pairs) {
                    int n = round;
                    sent.add(pool.submit(() -> pair.one()
                            .api()
                            .post(
                                    pair.tenant().path("/conversations/" + pair.conversation() + "/messages"),
                                    body(pair.tenant().slug() + " " + n))));
                }
            }
            for (var each : sent) {
                each.get();
            }
            pool.shutdown();
            for (int i = 0; i < pairs.size(); i++) {
                Pair pair = pairs.get(i);
                LiveClient socket = sockets.get(i);
                for (int round = 0; round < 5; round++) {
                    JsonObject created = socket.next("message.created");
                    assertEquals(
                            pair.conversation(), created.getJsonObject("data").getString("conversationId"));
                    assertTrue(created.getJsonObject("data")
                            .getJsonObject("message")
                            .getString("body")
                            .startsWith(pair.tenant().slug() + " "));
                }
            }
            for (int i = 0; i < pairs.size(); i++) {
                LiveClient socket = sockets.get(i);
                socket.send("{\"type\": \"ping\"}");
                socket.next("pong");
                String own = pairs.get(i).conversation();
                List<JsonObject> messages = socket.seen().stream()
                        .filter(frame -> frame.getString("type").startsWith("message."))
                        .toList();
                assertEquals(5, messages.size(), () -> "exactly its own five messages: " + socket.seen());
                assertTrue(messages.stream()
                        .allMatch(
                                frame -> own.equals(frame.getJsonObject("data").getString("conversationId"))));
            }
        } finally {
            sockets.forEach(LiveClient::close);
        }
    }

    @Test
    void badFramesAreAnsweredAndOversizedOnesCloseTheSocket() {
        Tenant withoutMessaging = TestTenants.onboard("live-nomsg", "standard", "projects");
        Member gina = TestTenants.invite(withoutMessaging, "student");
        try (LiveClient socket = LiveClient.connect(gina)) {
            socket.send("{\"type\": \"typing\", \"conversationId\": \"" + java.util.UUID.randomUUID() + "\"}");
            JsonObject refused = socket.next("error");
            assertEquals(404, refused.getInt("status"));
            assertTrue(refused.getString("problem").endsWith("/module-not-enabled"), refused::toString);
            socket.send("{\"type\": \"launch-rockets\"}");
            assertTrue(socket.next("error").getString("problem").endsWith("/unknown-live-command"));
            socket.send("{\"type\": \"ping\", \"pad\": \"" + "x".repeat(20_000) + "\"}");
            assertEquals(1009, socket.awaitClose().code());
        }
        try (LiveClient socket = LiveClient.connect(alice)) {
            for (int i = 0; i < 20; i++) {
                socket.send("{\"type\": \"typing\", \"conversationId\": \"" + java.util.UUID.randomUUID() + "\"}");
            }
            JsonObject tooMany = socket.next(
                    frame -> frame.getString("type").equals("error") && frame.getInt("status") == 429,
                    "a 429 error frame");
            assertTrue(tooMany.getString("problem").endsWith("/too-many-commands"));
        }
    }

    @Test
    void aClientBackAfterItsEventsWereDroppedIsToldToReload() {
        String id = group(alice, "Too late", bob);
        long seen;
        try (LiveClient bobs = LiveClient.connect(bob)) {
            send(alice, id, "old news");
            seen = bobs.next("message.created").getJsonNumber("id").longValue();
        }
        send(alice, id, "dropped before bob comes back");
        Api operator = Api.withToken(TestSystem.operatorToken());
        String reload = dev.atrium.testing.Await.until("the live log purged", java.time.Duration.ofSeconds(20), () -> {
            operator.post("/api/v1/platform/jobs/recurring/live.purge/run", "{}");
            try (LiveClient bobs = LiveClient.open(bob.slug())) {
                bobs.authenticate(bob.token(), seen);
                JsonObject ready = bobs.next("ready");
                return java.util.Optional.ofNullable(ready.getString("reload", null));
            }
        });
        assertEquals("events-no-longer-kept", reload);
    }

    @Test
    void theEventStreamCarriesTheSameEventsAndResumesAfterLastEventId() throws Exception {
        String id = group(alice, "Stream", bob);
        String last;
        try (EventStream stream = EventStream.open(bob, null)) {
            assertEquals("ready", stream.next("ready").event());
            send(alice, id, "streamed");
            EventStream.Event created = stream.next("message.created");
            assertTrue(created.data().contains("streamed"), created::toString);
            last = created.id();
        }
        send(alice, id, "missed while away");
        try (EventStream stream = EventStream.open(bob, last)) {
            assertTrue(stream.next("ready").data().contains("\"resumed\":true"));
            assertTrue(stream.next("message.created").data().contains("missed while away"));
        }
        dev.atrium.testing.EndpointMatrix.forModule(tenant, null)
                .member("GET", "/live/events", null)
                .verify("missed while away");
    }

    /** A Server-Sent Events client over the JDK's HTTP client: events in order, read as they arrive. */
    private static final class EventStream implements AutoCloseable {

        record Event(String id, String event, String data) {}

        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Stream<String> lines;

        private EventStream(Stream<String> lines) {
            this.lines = lines;
            Thread reader = new Thread(this::read, "event-stream-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static EventStream open(Member member, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(TestSystem.baseUrl() + "/t/" + member.slug() + "/api/v1/live/events"))
                    .header("Authorization", "Bearer " + member.token())
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<Stream<String>> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            return new EventStream(response.body());
        }

        private void read() {
            String[] current = new String[3];
            try {
                lines.forEach(line -> {
                    if (line.isEmpty()) {
                        if (current[1] != null) {
                            events.add(new Event(current[0], current[1], current[2]));
                        }
                        Arrays.fill(current, null);
                    } else if (line.startsWith("id:")) {
                        current[0] = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        current[1] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        current[2] = line.substring(5).trim();
                    }
                });
            } catch (RuntimeException closed) {
                // closed by the test
            }
        }

        Event next(String event) throws InterruptedException {
            long deadline = System.nanoTime() + LiveClient.PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                Event next = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next != null && next.event().equals(event)) {
                    return next;
                }
            }
            throw new AssertionFailedError("No " + event + " event within " + LiveClient.PATIENCE);
        }

        @Override
        public void close() {
            lines.close();
        }
    }

    private static java.time.Instant expiryOf(String token) {
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return java.time.Instant.ofEpochSecond(Json.createReader(new java.io.StringReader(claims))
                .readObject()
                .getJsonNumber("exp")
                .longValue());
    }

    private static String group(Member owner, String title, Member... others) {
        var members = Json.createArrayBuilder();
        for (Member other : others) {
            members.add(other.id());
        }
        Api.Reply created = owner.api()
                .post(
                        path(""),
                        Json.createObjectBuilder()
                                .add("kind", "group")
                                .add("title", title)
                                .add("members", members)
                                .build()
                                .toString());
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    private static JsonObject send(Member author, String conversation, String text) {
        Api.Reply sent = author.api().post(path("/" + conversation + "/messages"), body(text));
        assertEquals(201, sent.status(), sent::toString);
        return sent.json();
    }

    private static String body(String text) {
        return Json.createObjectBuilder().add("body", text).build().toString();
    }

    private static String path(String rest) {
        return tenant.path("/conversations" + rest);
    }
}
