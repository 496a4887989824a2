package dev.atrium.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.KeycloakAdmin;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Membership is a lifecycle: rows are made by onboarding, invitation or an explicit join, never by reading; removals
 * and demotions count at the next request even with a token issued before; the tenant keeps an admin under concurrent
 * demotions; other modules let go of a removed member.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MembershipLifecycleIT {

    private Tenant tenant;

    @BeforeAll
    void tenant() {
        tenant = TestTenants.onboard("life");
    }

    @Test
    void aRemovedMembersEarlierTokenIsRefusedEverywhereAndCannotRejoin() {
        Member student = TestTenants.invite(tenant, "student");
        String before = student.token();
        assertEquals(200, Api.withToken(before).get(tenant.path("/members/me")).status());

        assertEquals(
                204,
                tenant.admin()
                        .api()
                        .delete(tenant.path("/members/" + student.id()))
                        .status());

        Api stale = Api.withToken(before);
        Api.Reply me = stale.get(tenant.path("/members/me"));
        assertEquals(403, me.status(), me::toString);
        assertTrue(me.json().getString("type").endsWith("not-a-member"), me::toString);
        assertEquals(403, stale.get(tenant.path("/projects")).status());
        assertEquals(
                403,
                stale.post(tenant.path("/projects"), "{\"name\": \"Sneaky\"}").status());
        Api.Reply rejoin = stale.post(tenant.path("/members/me"), "");
        assertEquals(403, rejoin.status(), "Keycloak no longer holds them in the organisation: " + rejoin);
        assertEquals(
                404,
                tenant.admin()
                        .api()
                        .get(tenant.path("/members/" + student.id()))
                        .status(),
                "reading did not bring the member back");
    }

    @Test
    void aRemovedAdminIsNoAdminWithTheirEarlierToken() {
        Member second = TestTenants.invite(tenant, "admin");
        Api secondAdmin = second.api();
        assertEquals(200, secondAdmin.get(tenant.path("/members")).status());

        assertEquals(
                204,
                tenant.admin()
                        .api()
                        .delete(tenant.path("/members/" + second.id()))
                        .status());

        assertEquals(403, secondAdmin.get(tenant.path("/members")).status());
        assertEquals(
                403,
                secondAdmin
                        .put(tenant.path("/members/" + tenant.admin().id() + "/roles"), "{\"roles\": [\"student\"]}")
                        .status());
        assertEquals(200, tenant.admin().api().get(tenant.path("/members/me")).status(), "the first admin stays");
    }

    @Test
    void aDemotedAdminLosesAdminRightsAtTheNextRequest() {
        Member second = TestTenants.invite(tenant, "admin");
        Api withAdminToken = second.api();
        assertEquals(200, withAdminToken.get(tenant.path("/members")).status());

        Api.Reply demoted = tenant.admin()
                .api()
                .put(tenant.path("/members/" + second.id() + "/roles"), "{\"roles\": [\"student\"]}");
        assertEquals(200, demoted.status(), demoted::toString);

        Api.Reply refused = withAdminToken.get(tenant.path("/members"));
        assertEquals(403, refused.status(), "the token still says admin, the member list does not: " + refused);
        assertTrue(refused.json().getString("type").endsWith("role-not-held"), refused::toString);
        assertEquals(200, withAdminToken.get(tenant.path("/members/me")).status(), "still a member");
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        Tenant own = TestTenants.onboard("duel");
        Member first = own.admin();
        Member second = TestTenants.invite(own, "admin");
        List<Api.Reply> replies = concurrently(List.of(
                () -> first.api().put(own.path("/members/" + second.id() + "/roles"), "{\"roles\": [\"student\"]}"),
                () -> second.api().put(own.path("/members/" + first.id() + "/roles"), "{\"roles\": [\"student\"]}")));

        long succeeded = replies.stream().filter(reply -> reply.status() == 200).count();
        assertEquals(1, succeeded, replies::toString);
        replies.stream()
                .filter(reply -> reply.status() != 200)
                .forEach(reply ->
                        assertTrue(reply.status() == 409 || reply.status() == 403, "a problem, never a 500: " + reply));
        long admins = first.api().get(own.path("/members?role=admin")).status() == 200
                ? first.api().get(own.path("/members?role=admin")).json().getInt("total")
                : second.api().get(own.path("/members?role=admin")).json().getInt("total");
        assertEquals(1, admins);
    }

    @Test
    void aPersonTheOrganisationAdmitsJoinsOnceExplicitlyEvenWhenAskingTwiceAtOnce() throws Exception {
        String email = "joiner-" + TestTenants.uniqueSlug("j") + "@" + tenant.slug() + ".example";
        KeycloakAdmin.connect().addOrganizationMember(tenant.slug(), email, TestTenants.PASSWORD);
        Api joiner = Api.withToken(TestSystem.tenantToken(tenant.slug(), email, TestTenants.PASSWORD));

        Api.Reply beforeJoining = joiner.get(tenant.path("/members/me"));
        assertEquals(403, beforeJoining.status(), "reading does not make a member: " + beforeJoining);
        assertTrue(beforeJoining.json().getString("type").endsWith("not-a-member"));

        List<Api.Reply> joins = concurrently(List.of(
                () -> joiner.post(tenant.path("/members/me"), ""), () -> joiner.post(tenant.path("/members/me"), "")));
        List<Integer> statuses = joins.stream().map(Api.Reply::status).sorted().toList();
        assertEquals(List.of(200, 201), statuses, joins::toString);
        JsonObject me = joiner.get(tenant.path("/members/me")).json();
        assertEquals(email, me.getString("email"));
        assertEquals(
                1,
                tenant.admin()
                        .api()
                        .get(tenant.path("/members?q=" + email))
                        .json()
                        .getInt("total"),
                "one member row");
    }

    @Test
    void someoneOutsideTheOrganisationCannotJoin() {
        Tenant other = TestTenants.onboard("outsider");
        Member stranger = TestTenants.invite(other, "student");
        Api.Reply reply = stranger.api().post(tenant.path("/members/me"), "");
        assertEquals(403, reply.status(), reply::toString);
        assertTrue(reply.json().getString("type").endsWith("token-not-for-tenant"), reply::toString);
    }

    @Test
    void membersSeeEachOthersProfilesButNotTheirEmail() {
        Member student = TestTenants.invite(tenant, "student");
        JsonObject adminAsSeenByStudent = student.api()
                .get(tenant.path("/members/" + tenant.admin().id()))
                .json();
        assertEquals("Admin of " + tenant.slug(), adminAsSeenByStudent.getString("displayName"));
        assertFalse(adminAsSeenByStudent.containsKey("email"), adminAsSeenByStudent::toString);

        JsonObject studentAsSeenByAdmin = tenant.admin()
                .api()
                .get(tenant.path("/members/" + student.id()))
                .json();
        assertEquals(student.email(), studentAsSeenByAdmin.getString("email"));
        assertEquals(
                student.email(),
                student.api()
                        .get(tenant.path("/members/" + student.id()))
                        .json()
                        .getString("email"));
    }

    @Test
    void aRemovedMemberLeavesProjectsTheirOpenTasksAndTheirCalendarFeed() {
        Member owner = TestTenants.invite(tenant, "professional");
        Member leaver = TestTenants.invite(tenant, "student");
        String project = owner.api()
                .post(tenant.path("/projects"), "{\"name\": \"Departures\"}")
                .json()
                .getString("id");
        String projectPath = tenant.path("/projects/" + project);
        assertEquals(
                200,
                owner.api()
                        .put(projectPath + "/members/" + leaver.id(), "{\"role\": \"editor\"}")
                        .status());
        String open = leaver.api()
                .post(projectPath + "/tasks", "{\"title\": \"Open\", \"assignees\": [\"%s\"]}".formatted(leaver.id()))
                .json()
                .getString("id");
        String finished = leaver.api()
                .post(
                        projectPath + "/tasks",
                        "{\"title\": \"Finished\", \"assignees\": [\"%s\"]}".formatted(leaver.id()))
                .json()
                .getString("id");
        assertEquals(
                200,
                leaver.api()
                        .post(projectPath + "/tasks/" + finished + "/move", "{\"status\": \"done\"}")
                        .status());
        String feed =
                leaver.api().post(tenant.path("/calendar/feed"), "").json().getString("url");
        assertEquals(200, Api.at(feed).get("").status());

        assertEquals(
                204,
                tenant.admin()
                        .api()
                        .delete(tenant.path("/members/" + leaver.id()))
                        .status());

        assertEquals(404, Api.at(feed).get("").status(), "the feed's secret URL stops serving task titles");
        JsonObject projectNow = owner.api().get(projectPath).json();
        assertFalse(projectNow.toString().contains(leaver.id()), "no longer a project member: " + projectNow);
        JsonObject openTask = owner.api().get(projectPath + "/tasks/" + open).json();
        assertEquals(0, openTask.getJsonArray("assignees").size(), openTask::toString);
        JsonObject finishedTask =
                owner.api().get(projectPath + "/tasks/" + finished).json();
        assertEquals(1, finishedTask.getJsonArray("assignees").size(), "finished work keeps who did it");
        String activity =
                owner.api().get(projectPath + "/tasks/" + open + "/activity").body();
        assertTrue(activity.contains("assignee removed"), activity);
    }

    @Test
    void theUsageOfTheMemberQuotaIsShownToAdminsOnly() {
        Tenant own = TestTenants.onboard("usage");
        TestTenants.invite(own, "client");
        JsonObject usage = own.admin().api().get(own.path("/usage")).json();
        assertEquals("standard", usage.getString("plan"));
        JsonObject members = usage.getJsonObject("quotas").getJsonObject("members");
        assertEquals(2, members.getInt("used"));
        assertEquals(500, members.getInt("limit"));
        JsonObject storage = usage.getJsonObject("quotas").getJsonObject("storageBytes");
        assertEquals(0, storage.getJsonNumber("used").longValue(), "measured by the media service: " + storage);
        assertTrue(storage.getJsonNumber("limit").longValue() > 0);
        Member client = TestTenants.invite(own, "client");
        assertEquals(403, client.api().get(own.path("/usage")).status());
    }

    @Test
    void invitingPastThePlansMemberQuotaIsAConflict() {
        Tenant trial = TestTenants.onboard("trial", "trial", "projects");
        for (int i = 0; i < 4; i++) {
            TestTenants.invite(trial, "student");
        }
        Api.Reply sixth = trial.admin()
                .api()
                .post(
                        trial.path("/members"),
                        "{\"email\": \"sixth@%s.example\", \"displayName\": \"Sixth\", \"roles\": [\"student\"]}"
                                .formatted(trial.slug()));
        assertEquals(409, sixth.status(), sixth::toString);
        assertTrue(sixth.json().getString("type").endsWith("quota-exceeded"), sixth::toString);
        assertEquals(5, trial.admin().api().get(trial.path("/members")).json().getInt("total"));
    }

    private static List<Api.Reply> concurrently(List<java.util.function.Supplier<Api.Reply>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Api.Reply>> futures = new ArrayList<>();
            for (var call : calls) {
                futures.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await();
                            } catch (InterruptedException interrupted) {
                                Thread.currentThread().interrupt();
                            }
                            return call.get();
                        },
                        pool));
            }
            start.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (CompletableFuture<Api.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
