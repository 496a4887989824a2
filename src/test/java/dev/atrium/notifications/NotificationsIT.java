package dev.atrium.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import dev.atrium.testing.Api;
import dev.atrium.testing.EndpointMatrix;
import dev.atrium.testing.LiveClient;
import dev.atrium.testing.Mailbox;
import dev.atrium.testing.PushService;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Notifications raised by the projects and messaging modules, through every channel with real servers: the centre
 * (and the live socket), e-mail at once and in digests (GreenMail), unsubscribe links, and Web Push to a local push
 * service that decrypts what it is sent.
 */
class NotificationsIT {

    private static Tenant tenant;
    private static Member owner;
    private static Member student;
    private static Member client;
    private static String project;

    @BeforeAll
    static void projectWithMembers() {
        tenant = TestTenants.onboard("ntf", "standard", "projects", "messaging", "notifications");
        owner = TestTenants.invite(tenant, "professional");
        student = TestTenants.invite(tenant, "student");
        client = TestTenants.invite(tenant, "client");
        project = owner.api()
                .post(tenant.path("/projects"), "{\"name\": \"Garden\"}")
                .json()
                .getString("id");
        for (Member member : List.of(student, client)) {
            owner.api().put(tenant.path("/projects/" + project + "/members/" + member.id()), "{\"role\": \"editor\"}");
        }
    }

    @Test
    void aMentionReachesTheCentreTheSocketAndTheInboxAtOnce() throws Exception {
        String task = task("Plant the tulips");
        try (LiveClient socket = LiveClient.connect(student)) {
            comment(task, "@" + student.id() + " can you take this?");
            JsonObject live = socket.next("notification.created");
            String text = live.getJsonObject("data").getString("text");
            assertTrue(text.contains("mentioned you in \"Plant the tulips\""), text);
            assertTrue(text.startsWith("Member "), "the actor's name: " + text);

            JsonObject page = student.api().get(path("")).json();
            JsonObject first = page.getJsonArray("items").getJsonObject(0);
            assertEquals("projects.mentioned", first.getString("type"));
            assertEquals("/projects/" + project + "/tasks/" + task, first.getString("link"));
            assertFalse(first.containsKey("readAt"));
            long unread = student.api()
                    .get(path("/unread"))
                    .json()
                    .getJsonNumber("unread")
                    .longValue();
            assertTrue(unread >= 1);

            Mailbox.Received mail =
                    Mailbox.await(student.email(), m -> m.subject().contains("Plant the tulips"));
            assertTrue(mail.listUnsubscribe().contains("/notifications/unsubscribe?token="), mail::toString);
            assertTrue(mail.text().contains("Stop these e-mails: "), mail.text());

            String id = first.getString("id");
            assertEquals(204, student.api().post(path("/" + id + "/read"), "").status());
            socket.next("notification.read");
            assertEquals(
                    unread - 1,
                    student.api()
                            .get(path("/unread"))
                            .json()
                            .getJsonNumber("unread")
                            .longValue());
            assertEquals(200, student.api().post(path("/read"), "").status());
            assertEquals(
                    0,
                    student.api()
                            .get(path("/unread"))
                            .json()
                            .getJsonNumber("unread")
                            .longValue());
            assertEquals(204, student.api().delete(path("/" + id)).status());
            assertEquals(404, student.api().delete(path("/" + id)).status());
            assertEquals(
                    404,
                    owner.api()
                            .post(path("/" + first.getString("id") + "/read"), "")
                            .status());
        }
    }

    @Test
    void defaultsFollowTheRoleAndAMemberChoosesPerKind() {
        JsonObject studentAssigned = preference(student, "projects.task-assigned");
        assertEquals("immediately", studentAssigned.getString("email"), "students do the work: at once");
        assertTrue(studentAssigned.getBoolean("isDefault"));
        assertEquals("daily", preference(client, "projects.task-assigned").getString("email"), "clients: a digest");

        Api.Reply chosen = client.api()
                .put(
                        path("/preferences/projects.task-assigned"),
                        "{\"inApp\": false, \"email\": \"weekly\", \"push\": true}");
        assertEquals(200, chosen.status(), chosen::toString);
        JsonObject mine = preference(client, "projects.task-assigned");
        assertEquals("weekly", mine.getString("email"));
        assertFalse(mine.getBoolean("inApp"));
        assertFalse(mine.getBoolean("isDefault"));

        Api.Reply unknownKind = client.api()
                .put(path("/preferences/projects.nothing"), "{\"inApp\": true, \"email\": \"off\", \"push\": false}");
        assertEquals(404, unknownKind.status(), unknownKind::toString);
        Api.Reply badCadence = client.api()
                .put(
                        path("/preferences/projects.mentioned"),
                        "{\"inApp\": true, \"email\": \"hourly\", \"push\": false}");
        assertEquals(400, badCadence.status(), badCadence::toString);
        client.api()
                .put(
                        path("/preferences/projects.task-assigned"),
                        "{\"inApp\": true, \"email\": \"daily\", \"push\": false}");
    }

    @Test
    void digestsGatherWhatWaitsAndTheUnsubscribeLinkWorksWithoutSigningIn() {
        Member reader = TestTenants.invite(tenant, "client");
        owner.api().put(tenant.path("/projects/" + project + "/members/" + reader.id()), "{\"role\": \"viewer\"}");
        assign(task("Water the roses"), reader);
        assign(task("Prune the hedge"), reader);
        runJob("notifications.digests");
        Mailbox.Received digest = Mailbox.await(reader.email(), m -> m.subject().contains("new notifications"));
        assertTrue(
                digest.text().contains("\"Water the roses\"") && digest.text().contains("\"Prune the hedge\""),
                digest.text());

        String link = digest.listUnsubscribe().replaceAll("^<|>$", "");
        String relative = link.substring(link.indexOf("/t/"));
        Api.Reply page = Api.anonymous().get(relative);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("<form method=\"post\">"), "a GET changes nothing, it asks: " + page.body());
        assertEquals("daily", preference(reader, "projects.task-assigned").getString("email"));
        Api.Reply done = Api.anonymous().post(relative, "");
        assertEquals(200, done.status(), done::toString);
        assertEquals("off", preference(reader, "projects.task-assigned").getString("email"));
        assertTrue(preference(reader, "projects.task-assigned").getBoolean("inApp"), "other channels kept");

        Api.Reply forged = Api.anonymous().post(relative.replaceAll("token=[^.]*\\.", "token=eA."), "");
        assertEquals(403, forged.status(), forged::toString);
        Tenant other = TestTenants.onboard("ntf-other", "standard", "notifications");
        Api.Reply elsewhere =
                Api.anonymous().post(other.path(relative.substring(relative.indexOf("/notifications"))), "");
        assertEquals(403, elsewhere.status(), "a link of one tenant does nothing in another: " + elsewhere);
    }

    @Test
    void webPushIsEncryptedForTheDeviceSignedWithTheInstallationsKeyAndGoneDevicesAreDropped() throws Exception {
        String key = student.api().get(path("/push/key")).json().getString("applicationServerKey");
        try (PushService service = PushService.start()) {
            PushService.Browser browser = service.newBrowser();
            Api.Reply subscribed = student.api().post(path("/push/subscriptions"), browser.subscriptionJson());
            assertEquals(201, subscribed.status(), subscribed::toString);

            comment(task("Mow the lawn"), "@" + student.id() + " this one is yours");
            PushService.Pushed pushed = browser.next();
            JsonObject payload =
                    Json.createReader(new StringReader(pushed.payload())).readObject();
            assertEquals("projects.mentioned", payload.getString("type"));
            assertTrue(payload.getString("body").contains("\"Mow the lawn\""), pushed::toString);
            assertEquals("Brand of " + tenant.slug(), payload.getString("title"));
            assertEquals("aes128gcm", pushed.contentEncoding());
            assertTrue(pushed.authorization().endsWith(", k=" + key), pushed.authorization());

            SignedJWT vapid = SignedJWT.parse(pushed.authorization()
                    .substring("vapid t=".length(), pushed.authorization().indexOf(',')));
            byte[] point = Base64URL.from(key).decode();
            ECKey publicKey = new ECKey.Builder(
                            Curve.P_256,
                            Base64URL.encode(Arrays.copyOfRange(point, 1, 33)),
                            Base64URL.encode(Arrays.copyOfRange(point, 33, 65)))
                    .build();
            assertTrue(vapid.verify(new ECDSAVerifier(publicKey)), "signed with the installation's VAPID key");
            assertTrue(browser.endpoint()
                    .startsWith(vapid.getJWTClaimsSet().getAudience().get(0)));

            browser.answer(410);
            comment(task("Rake the leaves"), "@" + student.id() + " and this");
            dev.atrium.testing.Await.until(
                    "the gone device dropped",
                    LiveClient.PATIENCE,
                    () -> array(student.api().get(path("/push/subscriptions")))
                                    .toString()
                                    .contains(browser.endpoint())
                            ? Optional.empty()
                            : Optional.of(true));
        }
        Api.Reply insecure = student.api()
                .post(
                        path("/push/subscriptions"),
                        "{\"endpoint\": \"ftp://push.example\", \"keys\": {\"p256dh\": \"x\", \"auth\": \"y\"}}");
        assertEquals(400, insecure.status(), insecure::toString);
    }

    @Test
    void aMemberIsNotToldAboutAProjectTheyCanNoLongerSee() {
        Member leaving = TestTenants.invite(tenant, "student");
        owner.api().put(tenant.path("/projects/" + project + "/members/" + leaving.id()), "{\"role\": \"editor\"}");
        comment(task("Fix the fence"), "@" + leaving.id() + " please");
        assertEquals(
                1,
                leaving.api()
                        .get(path("/unread"))
                        .json()
                        .getJsonNumber("unread")
                        .longValue());
        Api.Reply left = owner.api().delete(tenant.path("/projects/" + project + "/members/" + leaving.id()));
        assertTrue(left.status() < 300, left::toString);
        assertEquals(
                0,
                leaving.api()
                        .get(path("/unread"))
                        .json()
                        .getJsonNumber("unread")
                        .longValue());
        assertEquals(0, leaving.api().get(path("")).json().getJsonArray("items").size());

        Member outsider = TestTenants.invite(tenant, "student");
        comment(task("Paint the shed"), "@" + outsider.id() + " have a look");
        assertEquals(
                0,
                outsider.api()
                        .get(path("/unread"))
                        .json()
                        .getJsonNumber("unread")
                        .longValue(),
                "mentioned in a project they are not in: not told");
    }

    @Test
    void aDirectMessageIsPushedAndWaitsForTheDailyDigestNotTheCentre() throws Exception {
        Member writer = TestTenants.invite(tenant, "client");
        Member reader = TestTenants.invite(tenant, "professional");
        String conversation = writer.api()
                .post(tenant.path("/conversations"), "{\"kind\": \"direct\", \"with\": \"" + reader.id() + "\"}")
                .json()
                .getString("id");
        try (PushService service = PushService.start()) {
            PushService.Browser phone = service.newBrowser();
            reader.api().post(path("/push/subscriptions"), phone.subscriptionJson());
            writer.api()
                    .post(
                            tenant.path("/conversations/" + conversation + "/messages"),
                            "{\"body\": \"Are you free on Monday?\"}");
            assertTrue(phone.next().payload().contains("Are you free on Monday?"));
        }
        assertEquals(
                0,
                reader.api().get(path("/unread")).json().getJsonNumber("unread").longValue());
        // Not in the digest: a message its author deleted, and one the reader has read in the app meanwhile.
        String regretted = writer.api()
                .post(tenant.path("/conversations/" + conversation + "/messages"), "{\"body\": \"Ignore that\"}")
                .json()
                .getString("id");
        writer.api().delete(tenant.path("/conversations/" + conversation + "/messages/" + regretted));
        Member colleague = TestTenants.invite(tenant, "client");
        String other = colleague
                .api()
                .post(tenant.path("/conversations"), "{\"kind\": \"direct\", \"with\": \"" + reader.id() + "\"}")
                .json()
                .getString("id");
        colleague.api().post(tenant.path("/conversations/" + other + "/messages"), "{\"body\": \"Seen in the app\"}");
        reader.api().post(tenant.path("/conversations/" + other + "/read"), "{}");

        runJob("notifications.digests");
        String digest = Mailbox.await(reader.email(), m -> m.subject().contains("new notification"))
                .text();
        assertTrue(digest.contains("sent you a message: Are you free on Monday?"), digest);
        assertFalse(digest.contains("Ignore that"), digest);
        assertFalse(digest.contains("Seen in the app"), digest);
    }

    @Test
    void assigneesAreRemindedOnceOfATaskComingDue() {
        Member doer = TestTenants.invite(tenant, "student");
        owner.api().put(tenant.path("/projects/" + project + "/members/" + doer.id()), "{\"role\": \"editor\"}");
        dueToday("Harvest", doer);
        runJob("projects.due-soon");
        JsonObject reminder = dev.atrium.testing.Await.until(
                "the due-soon reminder", LiveClient.PATIENCE, () -> reminders(doer).stream()
                        .findFirst());
        assertTrue(reminder.getString("text").startsWith("\"Harvest\" in Garden is due "), reminder::toString);

        // The next run reminds of a new task, and not again of the first.
        dueToday("Store the apples", doer);
        runJob("projects.due-soon");
        dev.atrium.testing.Await.until(
                "the second reminder",
                LiveClient.PATIENCE,
                () -> reminders(doer).size() == 2 ? Optional.of(true) : Optional.empty());
        assertEquals(
                1,
                reminders(doer).stream()
                        .filter(n -> n.getString("text").contains("Harvest"))
                        .count(),
                "once per due date");
    }

    private static void dueToday(String title, Member assignee) {
        Api.Reply created = owner.api()
                .post(
                        tenant.path("/projects/" + project + "/tasks"),
                        "{\"title\": \"" + title + "\", \"dueDate\": \""
                                + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "\", \"assignees\": [\""
                                + assignee.id() + "\"]}");
        assertEquals(201, created.status(), created::toString);
    }

    private static List<JsonObject> reminders(Member member) {
        return member.api().get(path("")).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(n -> n.getString("type").equals("projects.task-due-soon"))
                .toList();
    }

    @Test
    void everyEndpointRefusesOtherTenantsNonMembersAndTenantsWithoutNotifications() {
        EndpointMatrix.forModule(tenant, "notifications")
                .member("GET", "/notifications", null)
                .member("GET", "/notifications/unread", null)
                .member("POST", "/notifications/read", "")
                .member("POST", "/notifications/" + java.util.UUID.randomUUID() + "/read", "")
                .member("DELETE", "/notifications/" + java.util.UUID.randomUUID(), null)
                .member("GET", "/notifications/preferences", null)
                .member(
                        "PUT",
                        "/notifications/preferences/projects.mentioned",
                        "{\"inApp\": true, \"email\": \"off\", \"push\": false}")
                .member("GET", "/notifications/push/key", null)
                .member("GET", "/notifications/push/subscriptions", null)
                .member(
                        "POST",
                        "/notifications/push/subscriptions",
                        "{\"endpoint\": \"https://push.example/x\", \"keys\": {\"p256dh\": \"a\", \"auth\": \"b\"}}")
                .member("DELETE", "/notifications/push/subscriptions/" + java.util.UUID.randomUUID(), null)
                .open("GET", "/notifications/unsubscribe?token=x.y", null)
                .open("POST", "/notifications/unsubscribe?token=x.y", "")
                .verify("Garden");
    }

    private static JsonObject preference(Member member, String type) {
        return array(member.api().get(path("/preferences"))).stream()
                .map(JsonValue::asJsonObject)
                .filter(kind -> kind.getString("type").equals(type))
                .findFirst()
                .orElseThrow();
    }

    private static jakarta.json.JsonArray array(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return Json.createReader(new StringReader(reply.body())).readArray();
    }

    private static String task(String title) {
        Api.Reply created =
                owner.api().post(tenant.path("/projects/" + project + "/tasks"), "{\"title\": \"" + title + "\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    private static void assign(String task, Member member) {
        Api.Reply edited = owner.api()
                .withHeader("If-Match", "*")
                .patch(
                        tenant.path("/projects/" + project + "/tasks/" + task),
                        "{\"assignees\": [\"" + member.id() + "\"]}");
        assertEquals(200, edited.status(), edited::toString);
    }

    private static void comment(String task, String body) {
        Api.Reply created = owner.api()
                .post(
                        tenant.path("/projects/" + project + "/tasks/" + task + "/comments"),
                        Json.createObjectBuilder().add("body", body).build().toString());
        assertEquals(201, created.status(), created::toString);
    }

    private static void runJob(String name) {
        Api.Reply ran = Api.withToken(TestSystem.operatorToken())
                .post("/api/v1/platform/jobs/recurring/" + name + "/run", "{}");
        assertTrue(ran.status() < 300, ran::toString);
    }

    private static String path(String rest) {
        return tenant.path("/notifications" + rest);
    }
}
