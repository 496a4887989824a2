package dev.atrium.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.EndpointMatrix;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Conversations and messages between a tenant's members, over HTTP with real tokens. */
class MessagingIT {

    private static Tenant tenant;
    private static Member alice;
    private static Member bob;
    private static Member carol;

    @BeforeAll
    static void members() {
        tenant = TestTenants.onboard("msg", "standard", "messaging");
        alice = TestTenants.invite(tenant, "student");
        bob = TestTenants.invite(tenant, "student");
        carol = TestTenants.invite(tenant, "professional");
    }

    @Test
    void aDirectConversationIsOnePerPairAndCountsWhatTheOtherHasNotRead() {
        // Their own pair: the totals below are all of a member's conversations.
        Member alice = TestTenants.invite(tenant, "student");
        Member bob = TestTenants.invite(tenant, "client");
        Api.Reply started = alice.api().post(path(""), direct(bob));
        assertEquals(201, started.status(), started::toString);
        String id = started.json().getString("id");
        Api.Reply again = bob.api().post(path(""), direct(alice));
        assertEquals(200, again.status(), again::toString);
        assertEquals(id, again.json().getString("id"), "one conversation per pair, whoever starts it");

        for (String text : new String[] {"Hi Bob", "Are you there?", "Ping"}) {
            assertEquals(
                    201,
                    alice.api().post(path("/" + id + "/messages"), body(text)).status());
        }
        JsonObject bobsView = bob.api().get(path("/" + id)).json();
        assertEquals(3, bobsView.getInt("unread"));
        assertEquals(0, alice.api().get(path("/" + id)).json().getInt("unread"), "one's own messages are read");
        assertEquals(3, bob.api().get(path("/unread")).json().getInt("unread"));
        assertEquals(
                id,
                bob.api()
                        .get(path(""))
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getString("id"));

        assertEquals(0, bob.api().post(path("/" + id + "/read"), "{}").json().getInt("unread"));
        assertEquals(0, bob.api().get(path("/unread")).json().getInt("unread"));
    }

    @Test
    void historyPagesNewestFirstByACursorThatNewMessagesDoNotShift() {
        Member alice = TestTenants.invite(tenant, "student");
        String id = groupOf(alice, "History", bob);
        for (int i = 1; i <= 25; i++) {
            alice.api().post(path("/" + id + "/messages"), body("message " + i));
        }
        JsonObject first = bob.api().get(path("/" + id + "/messages?size=10")).json();
        assertEquals(List.of(25L, 24L, 23L, 22L, 21L, 20L, 19L, 18L, 17L, 16L), seqs(first));
        for (int i = 0; i < 5; i++) {
            alice.api().post(path("/" + id + "/messages"), body("meanwhile " + i));
        }
        long before = first.getJsonNumber("nextBefore").longValue();
        JsonObject second = bob.api()
                .get(path("/" + id + "/messages?size=10&before=" + before))
                .json();
        assertEquals(List.of(15L, 14L, 13L, 12L, 11L, 10L, 9L, 8L, 7L, 6L), seqs(second));
        JsonObject last = bob.api()
                .get(path("/" + id + "/messages?size=10&before=" + second.getJsonNumber("nextBefore")))
                .json();
        assertEquals(5, last.getJsonArray("items").size());
        assertFalse(last.containsKey("nextBefore"), "the beginning: " + last);
    }

    @Test
    void authorsEditAndDeleteTheirOwnMessagesAndRepliesStayInTheirConversation() {
        String id = groupOf(alice, "Edits", bob);
        JsonObject sent =
                alice.api().post(path("/" + id + "/messages"), body("Helo")).json();
        String message = path("/" + id + "/messages/" + sent.getString("id"));
        Api.Reply edited = alice.api().patch(message, body("Hello"));
        assertEquals(200, edited.status(), edited::toString);
        assertEquals("Hello", edited.json().getString("body"));
        assertTrue(edited.json().containsKey("editedAt"));
        Api.Reply notHers = bob.api().patch(message, body("Hijacked"));
        assertEquals(403, notHers.status(), notHers::toString);
        assertTrue(notHers.json().getString("type").endsWith("/not-the-author"));

        Api.Reply reply = bob.api()
                .post(
                        path("/" + id + "/messages"),
                        "{\"body\": \"Hi!\", \"replyTo\": \"" + sent.getString("id") + "\"}");
        assertEquals(201, reply.status(), reply::toString);
        assertEquals(sent.getString("id"), reply.json().getString("replyTo"));
        String elsewhere = groupOf(bob, "Elsewhere", alice);
        Api.Reply crossReply = bob.api()
                .post(
                        path("/" + elsewhere + "/messages"),
                        "{\"body\": \"?\", \"replyTo\": \"" + sent.getString("id") + "\"}");
        assertEquals(400, crossReply.status(), crossReply::toString);

        JsonObject deleted = alice.api().delete(message).json();
        assertTrue(deleted.getBoolean("deleted"));
        assertFalse(deleted.containsKey("body"), "its text is gone");
        assertEquals(409, alice.api().patch(message, body("again")).status());
    }

    @Test
    void aGroupsOwnerRunsItsMembersAndOthersSeeNothingOfIt() {
        String id = groupOf(alice, "Project room", bob);
        assertEquals(404, carol.api().get(path("/" + id)).status(), "not a participant: as if it did not exist");
        assertEquals(
                404,
                carol.api()
                        .post(path("/" + id + "/messages"), body("let me in"))
                        .status());
        Api.Reply byMember = bob.api().post(path("/" + id + "/members"), "{\"memberId\": \"" + carol.id() + "\"}");
        assertEquals(403, byMember.status(), byMember::toString);
        Api.Reply added = alice.api().post(path("/" + id + "/members"), "{\"memberId\": \"" + carol.id() + "\"}");
        assertEquals(200, added.status(), added::toString);
        assertEquals(3, added.json().getJsonArray("members").size());
        assertEquals(200, carol.api().get(path("/" + id)).status());

        assertEquals(
                204,
                carol.api().delete(path("/" + id + "/members/" + carol.id())).status(),
                "carol leaves");
        assertEquals(
                400,
                alice.api().delete(path("/" + id + "/members/" + alice.id())).status(),
                "owner stays");
        assertEquals(
                204, alice.api().delete(path("/" + id + "/members/" + bob.id())).status());
        assertEquals(404, bob.api().get(path("/" + id)).status());
    }

    @Test
    void badMessagesAndConversationsAreRefusedWithProblems() {
        String id = groupOf(alice, "Limits", bob);
        assertEquals(
                400,
                alice.api()
                        .post(path("/" + id + "/messages"), body("x".repeat(4001)))
                        .status());
        assertEquals(
                400, alice.api().post(path("/" + id + "/messages"), body("  ")).status());
        assertEquals(400, alice.api().post(path(""), "{\"kind\": \"party\"}").status());
        assertEquals(400, alice.api().post(path(""), direct(alice)).status(), "not with oneself");
        assertEquals(
                400,
                alice.api()
                        .post(path(""), "{\"kind\": \"direct\", \"with\": \"" + java.util.UUID.randomUUID() + "\"}")
                        .status());
        assertEquals(
                400, alice.api().get(path("/" + id + "/messages?before=abc")).status());
        assertEquals(
                404, alice.api().get(path("/" + java.util.UUID.randomUUID())).status());
    }

    @Test
    void aBlockedMemberCannotStartADirectConversationAndTheirMessagesAreHidden() {
        Member erin = TestTenants.invite(tenant, "student");
        Member frank = TestTenants.invite(tenant, "student");
        String group = groupOf(erin, "Blocks", frank);
        frank.api().post(path("/" + group + "/messages"), body("before the block"));
        Api.Reply blocked = erin.api().put(path("/blocks/" + frank.id()), "");
        assertEquals(200, blocked.status(), blocked::toString);
        assertEquals(
                "[\"" + frank.id() + "\"]",
                blocked.json().getJsonArray("blocked").toString());

        Api.Reply direct = frank.api().post(path(""), direct(erin));
        assertEquals(403, direct.status(), "either way: " + direct);
        assertEquals(403, erin.api().post(path(""), direct(frank)).status());
        frank.api().post(path("/" + group + "/messages"), body("after the block"));
        assertEquals(0, erin.api().get(path("/" + group)).json().getInt("unread"));
        assertEquals(
                0,
                erin.api()
                        .get(path("/" + group + "/messages"))
                        .json()
                        .getJsonArray("items")
                        .size());
        assertEquals(
                2,
                frank.api()
                        .get(path("/" + group + "/messages"))
                        .json()
                        .getJsonArray("items")
                        .size());

        assertEquals(400, erin.api().put(path("/blocks/" + erin.id()), "").status(), "not oneself");
        assertEquals(200, erin.api().delete(path("/blocks/" + frank.id())).status());
        assertEquals(
                2,
                erin.api()
                        .get(path("/" + group + "/messages"))
                        .json()
                        .getJsonArray("items")
                        .size());
    }

    @Test
    void membersFindWordsAndPhrasesInTheirOwnConversationsOnly() {
        Member gina = TestTenants.invite(tenant, "student");
        String ours = groupOf(gina, "Search", bob);
        gina.api().post(path("/" + ours + "/messages"), body("The quarterly budget is due on Friday"));
        gina.api().post(path("/" + ours + "/messages"), body("Lunch on Friday?"));
        String theirs = groupOf(alice, "Not Gina's", carol);
        alice.api().post(path("/" + theirs + "/messages"), body("Secret budget talk"));

        List<String> budget = texts(gina.api().get(path("/search?q=budget")));
        assertEquals(List.of("The quarterly budget is due on Friday"), budget, "only her own conversations");
        assertEquals(2, texts(gina.api().get(path("/search?q=friday"))).size());
        assertEquals(List.of("Lunch on Friday?"), texts(gina.api().get(path("/search?q=friday%20-budget"))));
        assertEquals(
                List.of("The quarterly budget is due on Friday"),
                texts(gina.api().get(path("/search?q=%22budget%20is%20due%22"))));
        assertEquals(400, gina.api().get(path("/search?q=")).status());
        assertEquals(
                0,
                texts(gina.api().get(path("/search?q=%27%3B%20drop%20table%20message%3B")))
                        .size());
    }

    @Test
    void reactionsAreCountedAndEachMemberReactsOncePerKind() {
        String id = groupOf(alice, "Reactions", bob, carol);
        String message = alice.api()
                .post(path("/" + id + "/messages"), body("We shipped!"))
                .json()
                .getString("id");
        String base = path("/" + id + "/messages/" + message + "/reactions/");
        bob.api().put(base + "celebrate", "");
        bob.api().put(base + "celebrate", "");
        JsonObject afterCarol = carol.api().put(base + "celebrate", "").json();
        assertEquals(2, afterCarol.getJsonObject("reactions").getInt("celebrate"));
        assertEquals("[\"celebrate\"]", afterCarol.getJsonArray("myReactions").toString());
        assertEquals(400, bob.api().put(base + "angry", "").status());
        JsonObject taken = bob.api().delete(base + "celebrate").json();
        assertEquals(1, taken.getJsonObject("reactions").getInt("celebrate"));
        JsonObject seen = alice.api()
                .get(path("/" + id + "/messages"))
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals(1, seen.getJsonObject("reactions").getInt("celebrate"));
        assertEquals(0, seen.getJsonArray("myReactions").size());
    }

    private static List<String> texts(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return Json.createReader(new java.io.StringReader(reply.body())).readArray().stream()
                .map(value -> value.asJsonObject().getString("body"))
                .toList();
    }

    @Test
    void aMessageCanBeReportedOnceByAParticipant() {
        String id = groupOf(alice, "Reports", bob);
        String message = alice.api()
                .post(path("/" + id + "/messages"), body("rude words"))
                .json()
                .getString("id");
        String report = path("/" + id + "/messages/" + message + "/report");
        assertEquals(202, bob.api().post(report, "{\"reason\": \"insulting\"}").status());
        assertEquals(202, bob.api().post(report, "{\"reason\": \"again\"}").status(), "once, quietly");
        assertEquals(400, bob.api().post(report, "{}").status(), "a reason is needed");
        assertEquals(404, carol.api().post(report, "{\"reason\": \"x\"}").status(), "not a participant");
    }

    @Test
    void sendingIsLimitedPerMemberWithRetryAfter() {
        Member chatty = TestTenants.invite(tenant, "student");
        String id = groupOf(chatty, "Flood", bob);
        for (int i = 0; i < 30; i++) {
            assertEquals(
                    201,
                    chatty.api()
                            .post(path("/" + id + "/messages"), body("m" + i))
                            .status(),
                    "message " + i);
        }
        Api.Reply refused = chatty.api().post(path("/" + id + "/messages"), body("one too many"));
        assertEquals(429, refused.status(), refused::toString);
        assertTrue(refused.json().getString("type").endsWith("/sending-too-fast"));
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 61, "Retry-After " + retryAfter);
        assertEquals(
                201,
                bob.api()
                        .post(path("/" + id + "/messages"), body("others still can"))
                        .status());
    }

    @Test
    void aProjectsConversationIsForItsMembersAndFollowsTheProjectsMembership() {
        Tenant both = TestTenants.onboard("msgp", "standard", "messaging", "projects");
        Member owner = TestTenants.invite(both, "professional");
        Member teammate = TestTenants.invite(both, "student");
        Member outsider = TestTenants.invite(both, "student");
        String project = owner.api()
                .post(both.path("/projects"), "{\"name\": \"Robot\", \"visibility\": \"members\"}")
                .json()
                .getString("id");
        assertEquals(
                200,
                owner.api()
                        .put(both.path("/projects/" + project + "/members/" + teammate.id()), "{\"role\": \"editor\"}")
                        .status());
        String open = "{\"kind\": \"context\", \"context\": \"project\", \"contextId\": \"" + project + "\"}";

        Api.Reply started = owner.api().post(both.path("/conversations"), open);
        assertEquals(201, started.status(), started::toString);
        String id = started.json().getString("id");
        Api.Reply joined = teammate.api().post(both.path("/conversations"), open);
        assertEquals(200, joined.status(), joined::toString);
        assertEquals(id, joined.json().getString("id"), "one conversation per project");
        teammate.api().post(both.path("/conversations/" + id + "/messages"), body("Motor arrived"));
        assertEquals(404, outsider.api().post(both.path("/conversations"), open).status(), "not in the project");
        assertEquals(404, outsider.api().get(both.path("/conversations/" + id)).status());
        Api.Reply manage = owner.api()
                .post(both.path("/conversations/" + id + "/members"), "{\"memberId\": \"" + outsider.id() + "\"}");
        assertEquals(400, manage.status(), "the project decides who takes part: " + manage);

        assertEquals(
                200,
                owner.api()
                        .delete(both.path("/projects/" + project + "/members/" + teammate.id()))
                        .status());
        assertEquals(404, teammate.api().get(both.path("/conversations/" + id)).status(), "left with the project");
        assertEquals(0, teammate.api().get(both.path("/conversations")).json().getInt("total"));
        Api.Reply unknown = owner.api()
                .post(
                        both.path("/conversations"),
                        "{\"kind\": \"context\", \"context\": \"spaceship\", \"contextId\": \"x\"}");
        assertEquals(400, unknown.status(), unknown::toString);
    }

    @Test
    void aRemovedMemberLeavesEveryConversation() {
        Member dave = TestTenants.invite(tenant, "student");
        String id = groupOf(alice, "Leavers", dave);
        assertEquals(
                204,
                tenant.admin()
                        .api()
                        .delete(tenant.path("/members/" + dave.id()))
                        .status());
        List<String> members = alice.api().get(path("/" + id)).json().getJsonArray("members").stream()
                .map(value -> ((jakarta.json.JsonString) value).getString())
                .toList();
        assertFalse(members.contains(dave.id()), members::toString);
    }

    @Test
    void everyMessagingEndpointRefusesStrangersOtherTenantsAndTenantsWithoutTheModule() {
        String id = groupOf(alice, "Matrix", bob);
        String message = alice.api()
                .post(path("/" + id + "/messages"), body("secret plan"))
                .json()
                .getString("id");
        EndpointMatrix.forModule(tenant, "messaging")
                .member("POST", "/conversations", direct(bob))
                .member("GET", "/conversations", null)
                .member("GET", "/conversations/unread", null)
                .member("GET", "/conversations/" + id, null)
                .member("POST", "/conversations/" + id + "/members", "{\"memberId\": \"" + carol.id() + "\"}")
                .member("DELETE", "/conversations/" + id + "/members/" + bob.id(), null)
                .member("POST", "/conversations/" + id + "/messages", body("x"))
                .member("GET", "/conversations/" + id + "/messages", null)
                .member("PATCH", "/conversations/" + id + "/messages/" + message, body("y"))
                .member("DELETE", "/conversations/" + id + "/messages/" + message, null)
                .member("POST", "/conversations/" + id + "/read", "{}")
                .member("GET", "/conversations/blocks", null)
                .member("GET", "/conversations/search?q=plan", null)
                .member("PUT", "/conversations/" + id + "/messages/" + message + "/reactions/like", null)
                .member("DELETE", "/conversations/" + id + "/messages/" + message + "/reactions/like", null)
                .member("PUT", "/conversations/blocks/" + carol.id(), null)
                .member("DELETE", "/conversations/blocks/" + carol.id(), null)
                .member("POST", "/conversations/" + id + "/messages/" + message + "/report", "{\"reason\": \"r\"}")
                .verify("secret plan");
    }

    @Test
    void filesAttachedToAMessageAreReadByItsParticipantsOnlyAndGoWithIt() {
        String id = groupOf(alice, "Files", bob);
        Api.Reply uploaded = alice.api()
                .upload(
                        tenant.path("/media?kind=image&filename=plan.png"),
                        "image/png",
                        dev.atrium.platform.media.SampleFiles.png(32, 32));
        assertEquals(201, uploaded.status(), uploaded::toString);
        String media = uploaded.json().getString("id");
        String withFile = "{\"attachments\": [\"" + media + "\"]}";

        Api.Reply taken = bob.api().post(path("/" + id + "/messages"), withFile);
        assertEquals(404, taken.status(), "another member's private upload cannot be attached: " + taken);
        Api.Reply empty = alice.api().post(path("/" + id + "/messages"), "{\"body\": \"  \"}");
        assertEquals(400, empty.status(), empty::toString);
        assertTrue(empty.json().getString("type").endsWith("/empty-message"));

        Api.Reply sent = alice.api().post(path("/" + id + "/messages"), withFile);
        assertEquals(201, sent.status(), sent::toString);
        JsonObject attachment = sent.json().getJsonArray("attachments").getJsonObject(0);
        assertEquals(media, attachment.getString("mediaId"));
        assertEquals("plan.png", attachment.getString("filename"));
        assertEquals("image", attachment.getString("kind"));
        assertEquals(
                media,
                bob.api()
                        .get(path("/" + id + "/messages"))
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonArray("attachments")
                        .getJsonObject(0)
                        .getString("mediaId"));
        assertEquals(200, bob.api().get(tenant.path("/media/" + media)).status(), "a participant reads it");
        dev.atrium.testing.Await.until(
                "the file processed",
                java.time.Duration.ofSeconds(60),
                () -> bob.api()
                                .get(tenant.path("/media/" + media))
                                .json()
                                .getString("status")
                                .equals("ready")
                        ? java.util.Optional.of(true)
                        : java.util.Optional.empty());
        assertEquals(200, bob.api().get(tenant.path("/media/" + media + "/url")).status(), "and fetches it");
        assertEquals(404, carol.api().get(tenant.path("/media/" + media)).status(), "nobody else does");
        Api.Reply again = alice.api().post(path("/" + id + "/messages"), withFile);
        assertEquals(409, again.status(), "a file belongs to one message: " + again);

        // Sent at once after uploading, while the media service is still processing the file: never a 412.
        for (int i = 0; i < 5; i++) {
            String fresh = alice.api()
                    .upload(
                            tenant.path("/media?kind=image&filename=photo-" + i + ".png"),
                            "image/png",
                            dev.atrium.platform.media.SampleFiles.png(48, 48))
                    .json()
                    .getString("id");
            Api.Reply right = alice.api().post(path("/" + id + "/messages"), "{\"attachments\": [\"" + fresh + "\"]}");
            assertEquals(201, right.status(), right::toString);
        }

        String message = sent.json().getString("id");
        assertEquals(
                200, alice.api().delete(path("/" + id + "/messages/" + message)).status());
        assertEquals(404, bob.api().get(tenant.path("/media/" + media)).status(), "the file went with the message");
    }

    @Test
    void aDemoTenantStartsWithSampleMembersAndConversations() {
        String slug = TestTenants.uniqueSlug("msg-demo");
        String email = "admin@" + slug + ".example";
        JsonObject definition = Json.createObjectBuilder(Json.createReader(new java.io.StringReader(
                                TestTenants.definition(slug, email, "standard", "projects", "messaging")))
                        .readObject())
                .add("sampleData", true)
                .build();
        Api.Reply onboarded = Api.withToken(dev.atrium.testing.TestSystem.operatorToken())
                .post("/api/v1/platform/tenants", definition.toString());
        assertEquals(201, onboarded.status(), onboarded::toString);
        dev.atrium.testing.KeycloakAdmin.connect().setPassword(email, TestTenants.PASSWORD);
        Member admin = new Member(slug, email, null);
        JsonObject conversations =
                admin.api().get("/t/" + slug + "/api/v1/conversations").json();
        assertEquals(1, conversations.getJsonArray("items").size(), conversations::toString);
        JsonObject welcome = conversations.getJsonArray("items").getJsonObject(0);
        assertTrue(welcome.getString("title").startsWith("Welcome to "));
        assertEquals(3, welcome.getJsonArray("members").size());
        assertEquals(2, welcome.getInt("unread"), "the two sample members' messages: " + welcome);
        JsonObject members = admin.api().get("/t/" + slug + "/api/v1/members").json();
        assertTrue(members.toString().contains("sam@" + slug + ".example"), members::toString);
    }

    private static String groupOf(Member owner, String title, Member... others) {
        List<String> ids = new ArrayList<>();
        for (Member other : others) {
            ids.add("\"" + other.id() + "\"");
        }
        Api.Reply created = owner.api()
                .post(path(""), "{\"kind\": \"group\", \"title\": \"" + title + "\", \"members\": " + ids + "}");
        assertEquals(201, created.status(), created::toString);
        assertNotEquals(null, created.json().getString("id"));
        return created.json().getString("id");
    }

    private static List<Long> seqs(JsonObject page) {
        return page.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .map(message -> message.getJsonNumber("seq").longValue())
                .toList();
    }

    private static String direct(Member with) {
        return "{\"kind\": \"direct\", \"with\": \"" + with.id() + "\"}";
    }

    private static String body(String text) {
        return jakarta.json.Json.createObjectBuilder().add("body", text).build().toString();
    }

    private static String path(String rest) {
        return tenant.path("/conversations" + rest);
    }
}
