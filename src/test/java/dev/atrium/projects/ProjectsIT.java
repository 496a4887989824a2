package dev.atrium.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Projects, members, milestones, the task board, blocking, progress, activity and optimistic concurrency. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectsIT {

    private Tenant tenant;
    private Member owner;
    private Member editor;
    private Member viewer;
    private Member outsider;

    @BeforeAll
    void tenantWithMembers() {
        tenant = TestTenants.onboard("prj");
        owner = TestTenants.invite(tenant, "professional");
        editor = TestTenants.invite(tenant, "student");
        viewer = TestTenants.invite(tenant, "client");
        outsider = TestTenants.invite(tenant, "student");
    }

    private String createProject(String visibility) {
        Api.Reply created = owner.api().post(tenant.path("/projects"), """
                {"name": "Course project", "description": "Build a website", "visibility": "%s",
                 "startDate": "2026-11-01", "targetDate": "2026-12-31", "labels": ["web"]}
                """.formatted(visibility));
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("ETag").isPresent());
        String id = created.json().getString("id");
        assertEquals(
                200,
                owner.api()
                        .put(tenant.path("/projects/" + id + "/members/" + editor.id()), "{\"role\": \"editor\"}")
                        .status());
        assertEquals(
                200,
                owner.api()
                        .put(tenant.path("/projects/" + id + "/members/" + viewer.id()), "{\"role\": \"viewer\"}")
                        .status());
        return id;
    }

    private String createTask(String projectId, String title) {
        Api.Reply task = editor.api()
                .post(
                        tenant.path("/projects/" + projectId + "/tasks"),
                        "{\"title\": \"%s\", \"priority\": \"high\"}".formatted(title));
        assertEquals(201, task.status(), task::toString);
        return task.json().getString("id");
    }

    @Test
    void ownerCreatesAndReadsWithETag() {
        String id = createProject("members");
        Api.Reply read = owner.api().get(tenant.path("/projects/" + id));
        assertEquals(200, read.status());
        assertEquals("owner", read.json().getString("myRole"));
        assertEquals(
                "\"" + read.json().getJsonNumber("version").longValue() + "\"",
                read.header("ETag").orElseThrow());
        assertEquals(3, read.json().getJsonArray("members").size());
    }

    @Test
    void updatesNeedTheCurrentETagAndStaleOnesChangeNothing() {
        String id = createProject("members");
        String path = tenant.path("/projects/" + id);
        String etag = owner.api().get(path).header("ETag").orElseThrow();

        Api.Reply withoutIfMatch = owner.api().patch(path, "{\"name\": \"No tag\"}");
        assertEquals(428, withoutIfMatch.status(), withoutIfMatch::toString);
        assertTrue(withoutIfMatch.isProblem());

        Api.Reply first =
                owner.api().withHeader("If-Match", etag).patch(path, "{\"name\": \"First\", \"status\": \"active\"}");
        assertEquals(200, first.status(), first::toString);
        assertFalse(etag.equals(first.header("ETag").orElseThrow()), "a change gives a new ETag");

        Api.Reply stale = owner.api().withHeader("If-Match", etag).patch(path, "{\"name\": \"Second\"}");
        assertEquals(412, stale.status(), stale::toString);
        assertTrue(stale.isProblem());
        assertEquals("First", owner.api().get(path).json().getString("name"));
    }

    @Test
    void rolesDecideWhoReadsChangesAndManages() {
        String id = createProject("members");
        String tasks = tenant.path("/projects/" + id + "/tasks");

        assertEquals(
                403, viewer.api().post(tasks, "{\"title\": \"Viewer task\"}").status());
        assertEquals(200, viewer.api().get(tasks).status());
        assertEquals(
                201, editor.api().post(tasks, "{\"title\": \"Editor task\"}").status());
        assertEquals(
                403,
                editor.api()
                        .put(tenant.path("/projects/" + id + "/members/" + outsider.id()), "{\"role\": \"viewer\"}")
                        .status());
        assertEquals(
                403,
                editor.api()
                        .post(tenant.path("/projects/" + id + "/archive"), "")
                        .status());
        assertEquals(404, outsider.api().get(tenant.path("/projects/" + id)).status(), "members-only project");
        assertEquals(404, outsider.api().get(tasks).status());
        assertEquals(
                200, tenant.admin().api().get(tenant.path("/projects/" + id)).status(), "tenant admins see all");
    }

    @Test
    void tenantVisibleProjectIsReadableButNotWritableByNonMembers() {
        String id = createProject("tenant");
        assertEquals(200, outsider.api().get(tenant.path("/projects/" + id)).status());
        assertEquals(
                JsonValue.NULL,
                outsider.api().get(tenant.path("/projects/" + id)).json().getOrDefault("myRole", JsonValue.NULL));
        assertEquals(
                403,
                outsider.api()
                        .post(tenant.path("/projects/" + id + "/tasks"), "{\"title\": \"x\"}")
                        .status());
        assertTrue(outsider.api().get(tenant.path("/projects")).body().contains(id));
    }

    @Test
    void boardMovesReorderWithinAndAcrossColumns() {
        String id = createProject("members");
        String a = createTask(id, "A");
        String b = createTask(id, "B");
        String c = createTask(id, "C");
        String tasks = tenant.path("/projects/" + id + "/tasks");

        Api.Reply moved =
                editor.api().post(tasks + "/" + c + "/move", "{\"status\": \"todo\", \"beforeTaskId\": \"" + a + "\"}");
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(List.of(c, a, b), titlesInOrder(tasks + "?status=todo"));

        assertEquals(
                200,
                editor.api()
                        .post(tasks + "/" + a + "/move", "{\"status\": \"in_progress\"}")
                        .status());
        assertEquals(List.of(c, b), titlesInOrder(tasks + "?status=todo"));
        JsonObject done = editor.api()
                .post(tasks + "/" + a + "/move", "{\"status\": \"done\"}")
                .json();
        assertFalse(done.isNull("closedAt"));

        assertEquals(
                400,
                editor.api()
                        .post(tasks + "/" + b + "/move", "{\"status\": \"finished\"}")
                        .status());
        assertEquals(
                400,
                editor.api()
                        .post(tasks + "/" + b + "/move", "{\"status\": \"done\", \"beforeTaskId\": \"" + c + "\"}")
                        .status());
    }

    @Test
    void subtasksCannotContainTheirOwnParents() {
        String id = createProject("members");
        String parent = createTask(id, "Parent");
        String child = createTask(id, "Child");
        String tasks = tenant.path("/projects/" + id + "/tasks");
        String childTag = editor.api().get(tasks + "/" + child).header("ETag").orElseThrow();
        assertEquals(
                200,
                editor.api()
                        .withHeader("If-Match", childTag)
                        .patch(tasks + "/" + child, "{\"parentId\": \"" + parent + "\"}")
                        .status());
        String parentTag = editor.api().get(tasks + "/" + parent).header("ETag").orElseThrow();
        Api.Reply cycle = editor.api()
                .withHeader("If-Match", parentTag)
                .patch(tasks + "/" + parent, "{\"parentId\": \"" + child + "\"}");
        assertEquals(400, cycle.status(), cycle::toString);
        assertEquals(
                JsonValue.NULL, editor.api().get(tasks + "/" + parent).json().getOrDefault("parentId", JsonValue.NULL));
    }

    @Test
    void blockingCyclesAreRefused() {
        String id = createProject("members");
        String a = createTask(id, "Design");
        String b = createTask(id, "Build");
        String c = createTask(id, "Test");
        String tasks = tenant.path("/projects/" + id + "/tasks");

        assertEquals(
                200, editor.api().put(tasks + "/" + b + "/blockers/" + a, "").status());
        assertEquals(
                200, editor.api().put(tasks + "/" + c + "/blockers/" + b, "").status());
        Api.Reply cycle = editor.api().put(tasks + "/" + a + "/blockers/" + c, "");
        assertEquals(409, cycle.status(), cycle::toString);
        assertTrue(cycle.json().getString("type").endsWith("/blocking-cycle"));
        assertEquals(
                0,
                editor.api()
                        .get(tasks + "/" + a)
                        .json()
                        .getJsonArray("blockedBy")
                        .size());
        assertEquals(
                200, editor.api().delete(tasks + "/" + b + "/blockers/" + a).status());
    }

    @Test
    void taskUpdatesUseETagsAndAreRecordedInTheActivity() {
        String id = createProject("members");
        String t = createTask(id, "Draft");
        String path = tenant.path("/projects/" + id + "/tasks/" + t);
        String etag = editor.api().get(path).header("ETag").orElseThrow();

        Api.Reply edited = editor.api()
                .withHeader("If-Match", etag)
                .patch(
                        path,
                        "{\"title\": \"Final\", \"assignees\": [\"%s\"], \"labels\": [\"copy\"], \"dueDate\": \"2026-12-01\", \"estimateMinutes\": 90}"
                                .formatted(editor.id()));
        assertEquals(200, edited.status(), edited::toString);
        assertEquals(
                412,
                editor.api()
                        .withHeader("If-Match", etag)
                        .patch(path, "{\"title\": \"Lost\"}")
                        .status());
        assertEquals(428, editor.api().patch(path, "{\"title\": \"Lost\"}").status());
        assertEquals("Final", editor.api().get(path).json().getString("title"));

        JsonObject activity = editor.api().get(path + "/activity").json();
        List<String> fields = activity.getJsonArray("items").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .toList();
        assertTrue(
                fields.containsAll(List.of("title", "assignees", "labels", "dueDate", "estimateMinutes", "created")),
                fields::toString);
        JsonObject titleChange = activity.getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(e -> e.getString("field").equals("title"))
                .findFirst()
                .orElseThrow();
        assertEquals("Draft", titleChange.getString("oldValue"));
        assertEquals(editor.id(), titleChange.getString("actorId"));
        assertTrue(editor.api()
                        .get(tenant.path("/projects/" + id + "/activity"))
                        .json()
                        .getInt("total")
                >= 6);
    }

    @Test
    void milestonesAndProgressFollowTheTasks() {
        String id = createProject("members");
        Api.Reply milestone = editor.api()
                .post(
                        tenant.path("/projects/" + id + "/milestones"),
                        "{\"name\": \"Beta\", \"dueDate\": \"2026-12-15\"}");
        assertEquals(201, milestone.status(), milestone::toString);
        String m = milestone.json().getString("id");
        String t1 = createTask(id, "One");
        String t2 = createTask(id, "Two");
        String tasks = tenant.path("/projects/" + id + "/tasks");
        for (String t : List.of(t1, t2)) {
            String etag = editor.api().get(tasks + "/" + t).header("ETag").orElseThrow();
            assertEquals(
                    200,
                    editor.api()
                            .withHeader("If-Match", etag)
                            .patch(tasks + "/" + t, "{\"milestoneId\": \"" + m + "\"}")
                            .status());
        }
        editor.api().post(tasks + "/" + t1 + "/move", "{\"status\": \"done\"}");

        JsonObject beta = Json.array(editor.api()
                        .get(tenant.path("/projects/" + id + "/milestones"))
                        .body())
                .getJsonObject(0);
        assertEquals(50, beta.getJsonObject("progress").getInt("percentDone"));
        JsonObject progress =
                editor.api().get(tenant.path("/projects/" + id + "/progress")).json();
        assertEquals(2, progress.getInt("total"));
        assertEquals(1, progress.getJsonObject("byStatus").getInt("done"));
        assertFalse(progress.getJsonArray("days").isEmpty());
        assertEquals(2, editor.api().get(tasks + "?milestone=" + m).json().getInt("total"));
    }

    @Test
    void searchFiltersRanksAndFindsMyTasks() {
        String id = createProject("members");
        String tasks = tenant.path("/projects/" + id + "/tasks");
        editor.api()
                .post(
                        tasks,
                        "{\"title\": \"Write the landing page copy\", \"labels\": [\"copy\"], \"assignees\": [\"%s\"]}"
                                .formatted(editor.id()));
        editor.api()
                .post(
                        tasks,
                        "{\"title\": \"Landing page hero image\", \"description\": \"landing page landing page\"}");
        editor.api()
                .post(tasks, "{\"title\": \"Database backup\", \"priority\": \"urgent\", \"dueDate\": \"2026-12-24\"}");

        JsonObject found = editor.api().get(tasks + "?q=landing%20page").json();
        assertEquals(2, found.getInt("total"));
        assertEquals(
                "Landing page hero image",
                found.getJsonArray("items").getJsonObject(0).getString("title"),
                "ranked");
        assertEquals(1, editor.api().get(tasks + "?label=copy").json().getInt("total"));
        assertEquals(1, editor.api().get(tasks + "?priority=urgent").json().getInt("total"));
        assertEquals(
                1,
                editor.api()
                        .get(tasks + "?dueFrom=2026-12-01&dueTo=2026-12-31")
                        .json()
                        .getInt("total"));
        assertEquals(
                1, editor.api().get(tasks + "?assignee=" + editor.id()).json().getInt("total"));
        assertTrue(editor.api().get(tenant.path("/tasks/mine?q=landing")).json().getInt("total") >= 1);
        assertEquals(400, editor.api().get(tasks + "?dueFrom=yesterday").status());
        assertEquals(400, editor.api().get(tasks + "?assignee=nobody").status());
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        String id = createProject("members");
        String tasks = tenant.path("/projects/" + id + "/tasks");
        long before = editor.api().get(tasks).json().getInt("total");
        for (String body : List.of(
                "{}",
                "{\"title\": \"\"}",
                "{\"title\": \"x\", \"priority\": \"whenever\"}",
                "{\"title\": \"x\", \"dueDate\": \"soon\"}",
                "{\"title\": \"x\", \"startDate\": \"2026-12-02\", \"dueDate\": \"2026-12-01\"}",
                "{\"title\": \"x\", \"estimateMinutes\": -5}",
                "{\"title\": \"x\", \"assignees\": [\"" + outsider.id() + "\"]}",
                "{\"title\": \"x\", \"milestoneId\": \"" + java.util.UUID.randomUUID() + "\"}",
                "{\"title\": \"x\", \"colour\": \"red\"}")) {
            Api.Reply reply = editor.api().post(tasks, body);
            assertEquals(400, reply.status(), () -> body + " -> " + reply);
            assertTrue(reply.isProblem());
        }
        assertEquals(before, editor.api().get(tasks).json().getInt("total"));
        assertEquals(
                400,
                owner.api()
                        .post(tenant.path("/projects"), "{\"name\": \"x\", \"visibility\": \"everyone\"}")
                        .status());
        assertEquals(
                400,
                owner.api()
                        .post(
                                tenant.path("/projects"),
                                "{\"name\": \"x\", \"startDate\": \"2026-12-02\", \"targetDate\": \"2026-12-01\"}")
                        .status());
    }

    @Test
    void everyEndpointNeedsATokenAndRefusesAnotherTenantsToken() {
        String id = createProject("tenant");
        String t = createTask(id, "Guarded");
        Tenant other = TestTenants.onboard("prx");
        Api foreign = other.admin().api();
        List<String[]> endpoints = List.of(
                new String[] {"GET", tenant.path("/projects"), null},
                new String[] {"POST", tenant.path("/projects"), "{\"name\": \"x\"}"},
                new String[] {"GET", tenant.path("/projects/" + id), null},
                new String[] {"PATCH", tenant.path("/projects/" + id), "{\"name\": \"x\"}"},
                new String[] {"POST", tenant.path("/projects/" + id + "/archive"), ""},
                new String[] {"DELETE", tenant.path("/projects/" + id), null},
                new String[] {
                    "PUT", tenant.path("/projects/" + id + "/members/" + outsider.id()), "{\"role\": \"owner\"}"
                },
                new String[] {"DELETE", tenant.path("/projects/" + id + "/members/" + editor.id()), null},
                new String[] {"GET", tenant.path("/projects/" + id + "/milestones"), null},
                new String[] {"POST", tenant.path("/projects/" + id + "/milestones"), "{\"name\": \"x\"}"},
                new String[] {"GET", tenant.path("/projects/" + id + "/progress"), null},
                new String[] {"GET", tenant.path("/projects/" + id + "/activity"), null},
                new String[] {"GET", tenant.path("/projects/" + id + "/tasks"), null},
                new String[] {"POST", tenant.path("/projects/" + id + "/tasks"), "{\"title\": \"x\"}"},
                new String[] {"GET", tenant.path("/projects/" + id + "/tasks/" + t), null},
                new String[] {"PATCH", tenant.path("/projects/" + id + "/tasks/" + t), "{\"title\": \"x\"}"},
                new String[] {"POST", tenant.path("/projects/" + id + "/tasks/" + t + "/move"), "{\"status\": \"done\"}"
                },
                new String[] {"PUT", tenant.path("/projects/" + id + "/tasks/" + t + "/blockers/" + t), ""},
                new String[] {"DELETE", tenant.path("/projects/" + id + "/tasks/" + t + "/blockers/" + t), null},
                new String[] {"GET", tenant.path("/projects/" + id + "/tasks/" + t + "/activity"), null},
                new String[] {"DELETE", tenant.path("/projects/" + id + "/tasks/" + t), null},
                new String[] {"GET", tenant.path("/tasks/mine"), null});
        for (String[] e : endpoints) {
            String type = e[2] == null ? null : "application/json";
            Api.Reply anonymous = Api.anonymous().send(e[0], e[1], type, e[2]);
            assertEquals(401, anonymous.status(), () -> e[0] + " " + e[1] + " anonymous: " + anonymous);
            Api.Reply reply = foreign.send(e[0], e[1], type, e[2]);
            assertEquals(403, reply.status(), () -> e[0] + " " + e[1] + " other tenant: " + reply);
            assertFalse(reply.body().contains("Guarded"));
        }
        assertEquals(
                "Guarded",
                owner.api()
                        .get(tenant.path("/projects/" + id + "/tasks/" + t))
                        .json()
                        .getString("title"));
    }

    @Test
    void archivedProjectIsReadOnlyAndDeletionRemovesItsTasks() {
        String id = createProject("members");
        String t = createTask(id, "Left over");
        assertEquals(
                "archived",
                owner.api()
                        .post(tenant.path("/projects/" + id + "/archive"), "")
                        .json()
                        .getString("status"));
        Api.Reply refused = editor.api().post(tenant.path("/projects/" + id + "/tasks"), "{\"title\": \"late\"}");
        assertEquals(409, refused.status(), refused::toString);
        assertFalse(owner.api().get(tenant.path("/projects")).body().contains(id), "archived projects are not listed");
        assertTrue(
                owner.api().get(tenant.path("/projects?status=archived")).body().contains(id));
        assertEquals(204, owner.api().delete(tenant.path("/projects/" + id)).status());
        assertEquals(
                404,
                owner.api().get(tenant.path("/projects/" + id + "/tasks/" + t)).status());
    }

    private List<String> titlesInOrder(String path) {
        return editor.api().get(path).json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("id"))
                .toList();
    }

    /** Reads a JSON array body. */
    private static final class Json {
        static jakarta.json.JsonArray array(String body) {
            return jakarta.json.Json.createReader(new java.io.StringReader(body))
                    .readArray();
        }
    }
}
