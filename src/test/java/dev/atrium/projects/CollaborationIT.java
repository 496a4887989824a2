package dev.atrium.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Comments with mentions, time tracking, calendar feeds and recommendations. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollaborationIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private Tenant tenant;
    private Member owner;
    private Member editor;
    private Member viewer;
    private String project;

    @BeforeAll
    void projectWithMembers() {
        tenant = TestTenants.onboard("col");
        owner = TestTenants.invite(tenant, "professional");
        editor = TestTenants.invite(tenant, "student");
        viewer = TestTenants.invite(tenant, "client");
        project = owner.api()
                .post(
                        tenant.path("/projects"),
                        "{\"name\": \"Launch\", \"targetDate\": \"%s\"}".formatted(TODAY.plusDays(3)))
                .json()
                .getString("id");
        owner.api().put(tenant.path("/projects/" + project + "/members/" + editor.id()), "{\"role\": \"editor\"}");
        owner.api().put(tenant.path("/projects/" + project + "/members/" + viewer.id()), "{\"role\": \"viewer\"}");
    }

    private String task(String title, String extra) {
        Api.Reply reply = editor.api()
                .post(
                        tenant.path("/projects/" + project + "/tasks"),
                        "{\"title\": \"%s\", \"assignees\": [\"%s\"]%s}".formatted(title, editor.id(), extra));
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    private String time() {
        return tenant.path("/projects/" + project + "/time");
    }

    private String tasks(String suffix) {
        return tenant.path("/projects/" + project + "/tasks" + suffix);
    }

    @Test
    void commentsRecordMentionsAndOnlyAuthorsEditThem() {
        String t = task("Review copy", "");
        Api.Reply comment = viewer.api()
                .post(
                        tasks("/" + t + "/comments"),
                        "{\"body\": \"@%s could you look, and @%s too?\"}".formatted(editor.id(), owner.id()));
        assertEquals(201, comment.status(), comment::toString);
        JsonObject created = comment.json();
        assertEquals(
                Set.of(editor.id(), owner.id()),
                created.getJsonArray("mentions").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .collect(Collectors.toSet()));
        String c = created.getString("id");

        assertEquals(
                403,
                editor.api()
                        .put(tasks("/" + t + "/comments/" + c), "{\"body\": \"hijacked\"}")
                        .status());
        Api.Reply edited = viewer.api().put(tasks("/" + t + "/comments/" + c), "{\"body\": \"Never mind\"}");
        assertEquals(200, edited.status());
        assertEquals(0, edited.json().getJsonArray("mentions").size());
        assertFalse(edited.json().isNull("editedAt"));

        assertEquals(
                400,
                viewer.api()
                        .post(
                                tasks("/" + t + "/comments"),
                                "{\"body\": \"@%s\"}".formatted(java.util.UUID.randomUUID()))
                        .status(),
                "unknown member mentioned");
        assertEquals(403, editor.api().delete(tasks("/" + t + "/comments/" + c)).status(), "not author, not owner");
        assertEquals(204, owner.api().delete(tasks("/" + t + "/comments/" + c)).status(), "owners moderate");
        assertEquals(0, viewer.api().get(tasks("/" + t + "/comments")).json().getInt("total"));
    }

    @Test
    void timeIsTotalledPerTaskMemberAndWeekAgainstTheEstimate() {
        String t = task("Build page", ", \"estimateMinutes\": 120");
        assertEquals(
                201,
                editor.api()
                        .post(time(), "{\"taskId\": \"%s\", \"minutes\": 90, \"note\": \"layout\"}".formatted(t))
                        .status());
        assertEquals(
                201,
                owner.api()
                        .post(
                                time(),
                                "{\"taskId\": \"%s\", \"minutes\": 45, \"date\": \"%s\"}"
                                        .formatted(t, TODAY.minusDays(7)))
                        .status());
        assertEquals(
                403,
                viewer.api()
                        .post(time(), "{\"taskId\": \"%s\", \"minutes\": 10}".formatted(t))
                        .status());
        assertEquals(
                400,
                editor.api()
                        .post(time(), "{\"taskId\": \"%s\", \"minutes\": 0}".formatted(t))
                        .status());
        assertEquals(
                400,
                editor.api()
                        .post(time(), "{\"taskId\": \"%s\", \"minutes\": 5000}".formatted(t))
                        .status());
        assertEquals(
                400,
                editor.api()
                        .post(
                                time(),
                                "{\"taskId\": \"%s\", \"minutes\": 10, \"date\": \"%s\"}"
                                        .formatted(t, TODAY.plusDays(30)))
                        .status());

        JsonObject report =
                viewer.api().get(tenant.path("/projects/" + project + "/time")).json();
        JsonObject byTask = report.getJsonArray("byTask").stream()
                .map(v -> v.asJsonObject())
                .filter(o -> o.getString("taskId").equals(t))
                .findFirst()
                .orElseThrow();
        assertEquals(135, byTask.getInt("loggedMinutes"));
        assertEquals(120, byTask.getInt("estimateMinutes"));
        assertEquals(90, report.getJsonObject("byMember").getInt(editor.id()));
        assertTrue(report.getJsonObject("byWeek").size() >= 2);
        assertEquals(
                400,
                viewer.api()
                        .get(tenant.path("/projects/" + project + "/time?from=2020-01-01&to=2026-01-01"))
                        .status());
    }

    @Test
    void calendarFeedIsReadableWithoutATokenUntilRotatedOrRevoked() throws Exception {
        task("Due soon", ", \"dueDate\": \"%s\"".formatted(TODAY.plusDays(2)));
        task("Semi; colon, \\\\ backslash", ", \"dueDate\": \"%s\"".formatted(TODAY.plusDays(5)));
        editor.api()
                .post(
                        tenant.path("/projects/" + project + "/milestones"),
                        "{\"name\": \"Go live\", \"dueDate\": \"%s\"}".formatted(TODAY.plusDays(3)));

        Api.Reply issued = editor.api().post(tenant.path("/calendar/feed"), "");
        assertEquals(201, issued.status(), issued::toString);
        String url = issued.json().getString("url");
        Api.Reply feed = Api.at(url).get("");
        assertEquals(200, feed.status(), feed::toString);
        assertTrue(feed.contentType().startsWith("text/calendar"));

        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<String> summaries = calendar.getComponents("VEVENT").stream()
                .map(c -> ((VEvent) c).getSummary().getValue())
                .toList();
        assertTrue(summaries.contains("Due soon"), summaries::toString);
        assertTrue(summaries.contains("Semi; colon, \\ backslash"), summaries::toString);
        assertTrue(summaries.contains("Milestone: Go live"), summaries::toString);

        String rotated =
                editor.api().post(tenant.path("/calendar/feed"), "").json().getString("url");
        assertEquals(404, Api.at(url).get("").status(), "the old URL stops working");
        assertEquals(200, Api.at(rotated).get("").status());
        assertEquals(204, editor.api().delete(tenant.path("/calendar/feed")).status());
        assertEquals(404, Api.at(rotated).get("").status(), "revoked");
        assertEquals(
                404,
                Api.anonymous().get(tenant.path("/calendar/not-a-secret.ics")).status());
    }

    @Test
    void recommendationsRankOpenTasksAndFlagProjectsAtRisk() {
        String urgent = task("Urgent and due", ", \"priority\": \"urgent\", \"dueDate\": \"%s\"".formatted(TODAY));
        String low = task("Low whenever", ", \"priority\": \"low\"");

        JsonArray next = jakarta.json.Json.createReader(new StringReader(editor.api()
                        .get(tenant.path("/recommendations/next-tasks"))
                        .body()))
                .readArray();
        List<String> order = next.stream()
                .map(v -> v.asJsonObject().getJsonObject("task").getString("id"))
                .toList();
        assertTrue(order.indexOf(urgent) < order.indexOf(low), order::toString);
        assertTrue(next.getJsonObject(0).getJsonObject("reasons").getInt("priority") > 0);

        String atRisk = editor.api()
                .get(tenant.path("/recommendations/at-risk-projects"))
                .body();
        assertTrue(atRisk.contains(project), "open tasks, no pace, target in 3 days: " + atRisk);
    }

    @Test
    void endpointsRefuseAnonymousCallersAndOtherTenants() {
        String t = task("Guarded", "");
        Tenant other = TestTenants.onboard("cox");
        List<String[]> endpoints = List.of(
                new String[] {"GET", tasks("/" + t + "/comments"), null},
                new String[] {"POST", tasks("/" + t + "/comments"), "{\"body\": \"x\"}"},
                new String[] {"POST", time(), "{\"taskId\": \"" + t + "\", \"minutes\": 5}"},
                new String[] {"GET", tenant.path("/projects/" + project + "/time"), null},
                new String[] {"POST", tenant.path("/calendar/feed"), ""},
                new String[] {"DELETE", tenant.path("/calendar/feed"), null},
                new String[] {"GET", tenant.path("/recommendations/next-tasks"), null},
                new String[] {"GET", tenant.path("/recommendations/at-risk-projects"), null});
        for (String[] e : endpoints) {
            String type = e[2] == null ? null : "application/json";
            assertEquals(401, Api.anonymous().send(e[0], e[1], type, e[2]).status(), () -> e[0] + " " + e[1]);
            Api.Reply foreign = other.admin().api().send(e[0], e[1], type, e[2]);
            assertEquals(403, foreign.status(), () -> e[0] + " " + e[1] + ": " + foreign);
        }
        String feed =
                editor.api().post(tenant.path("/calendar/feed"), "").json().getString("url");
        String secret = feed.substring(feed.lastIndexOf('/') + 1);
        assertEquals(
                404, Api.anonymous().get(other.path("/calendar/" + secret)).status(), "a feed belongs to its tenant");
    }
}
