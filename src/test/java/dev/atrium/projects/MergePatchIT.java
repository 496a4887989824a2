package dev.atrium.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** PATCH is a JSON merge patch (null clears), create requires its fields, and If-Match follows RFC 9110. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MergePatchIT {

    private Tenant tenant;
    private Api api;
    private String tasks;
    private String project;

    @BeforeAll
    void project() {
        tenant = TestTenants.onboard("patch");
        api = tenant.admin().api();
        project = tenant.path("/projects/"
                + api.post(tenant.path("/projects"), "{\"name\": \"Patch\", \"description\": \"d\"}")
                        .json()
                        .getString("id"));
        tasks = project + "/tasks";
    }

    @Test
    void nullClearsOptionalPartsOfATaskAndLeftOutPartsStay() {
        String milestone =
                api.post(project + "/milestones", "{\"name\": \"M\"}").json().getString("id");
        String parent = api.post(tasks, "{\"title\": \"Parent\"}").json().getString("id");
        Api.Reply created =
                api.post(tasks, """
                {"title": "Child", "description": "text", "dueDate": "2030-01-31", "startDate": "2030-01-01",
                 "estimateMinutes": 90, "milestoneId": "%s", "parentId": "%s", "labels": ["a"],
                 "assignees": ["%s"]}""".formatted(milestone, parent, tenant.admin().id()));
        assertEquals(201, created.status(), created::toString);
        String task = tasks + "/" + created.json().getString("id");

        Api.Reply patched = api.withHeader("If-Match", created.header("ETag").orElseThrow())
                .send("PATCH", task, "application/merge-patch+json", """
                        {"description": null, "dueDate": null, "startDate": null, "estimateMinutes": null,
                         "milestoneId": null, "parentId": null, "labels": null, "assignees": null}""");
        assertEquals(200, patched.status(), patched::toString);
        JsonObject after = api.get(task).json();
        assertEquals("Child", after.getString("title"), "left out, so kept");
        for (String cleared :
                List.of("description", "dueDate", "startDate", "estimateMinutes", "milestoneId", "parentId")) {
            assertTrue(!after.containsKey(cleared) || after.isNull(cleared), cleared + " cleared: " + after);
        }
        assertEquals(0, after.getJsonArray("labels").size());
        assertEquals(0, after.getJsonArray("assignees").size());
    }

    @Test
    void nullClearsAProjectsDescriptionAndDates() {
        String etag = api.get(project).header("ETag").orElseThrow();
        Api.Reply patched =
                api.withHeader("If-Match", etag).patch(project, "{\"description\": null, \"targetDate\": null}");
        assertEquals(200, patched.status(), patched::toString);
        assertFalse(api.get(project).json().containsKey("description"), "cleared");
        assertEquals("Patch", api.get(project).json().getString("name"), "kept");
    }

    @Test
    void aRequiredPartCannotBeClearedAndCreateRequiresIt() {
        String task =
                tasks + "/" + api.post(tasks, "{\"title\": \"Keep me\"}").json().getString("id");
        Api.Reply cleared = api.withHeader("If-Match", "*").patch(task, "{\"title\": null}");
        assertEquals(400, cleared.status(), cleared::toString);
        assertEquals("Keep me", api.get(task).json().getString("title"));

        Api.Reply untitled = api.post(tasks, "{\"description\": \"no title\"}");
        assertEquals(400, untitled.status(), untitled::toString);
        assertEquals(Set.of("title"), fields(untitled));
    }

    @Test
    void aBadEnumAndATooLongTitleAreListedTogether() {
        Api.Reply reply = api.post(tasks, "{\"title\": \"%s\", \"priority\": \"whenever\"}".formatted("x".repeat(301)));
        assertEquals(400, reply.status(), reply::toString);
        assertEquals(Set.of("priority", "title"), fields(reply));
        assertTrue(reply.body().contains("low, medium, high, urgent"), reply::toString);

        String task = tasks + "/"
                + api.post(tasks, "{\"title\": \"Patch me\"}").json().getString("id");
        Api.Reply patch = api.withHeader("If-Match", "*").patch(task, "{\"title\": \"\", \"priority\": \"soon\"}");
        assertEquals(400, patch.status(), patch::toString);
        assertEquals(Set.of("priority", "title"), fields(patch));
    }

    @Test
    void ifMatchStarMatchesAnyCurrentVersionAndAListMatchesAnyOfItsTags() {
        Api.Reply created = api.post(tasks, "{\"title\": \"Tags\"}");
        String task = tasks + "/" + created.json().getString("id");
        Api.Reply star = api.withHeader("If-Match", "*").patch(task, "{\"title\": \"Star\"}");
        assertEquals(200, star.status(), star::toString);
        String current = star.header("ETag").orElseThrow();
        Api.Reply listed = api.withHeader("If-Match", "\"9999\", " + current).patch(task, "{\"title\": \"Listed\"}");
        assertEquals(200, listed.status(), listed::toString);
        Api.Reply stale = api.withHeader("If-Match", current).patch(task, "{\"title\": \"Stale\"}");
        assertEquals(412, stale.status(), stale::toString);
    }

    private static Set<String> fields(Api.Reply reply) {
        return reply.json().getJsonArray("errors").stream()
                .map(error -> error.asJsonObject().getString("field"))
                .collect(Collectors.toSet());
    }
}
