package dev.atrium.projects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An archived project is read-only: every write to it or its children is refused, and reads still work. */
class ArchivedProjectIT {

    @Test
    void everyWriteToAnArchivedProjectIsRefusedAndReadsStillWork() {
        Tenant tenant = TestTenants.onboard("arch");
        Member owner = tenant.admin();
        Member other = TestTenants.invite(tenant, "student");
        Api api = owner.api();
        String project = "/projects/"
                + api.post(tenant.path("/projects"), "{\"name\": \"Old\"}")
                        .json()
                        .getString("id");
        String base = tenant.path(project);
        assertEquals(
                200,
                api.put(base + "/members/" + other.id(), "{\"role\": \"editor\"}")
                        .status());
        String task = api.post(base + "/tasks", "{\"title\": \"One\"}").json().getString("id");
        String blocker =
                api.post(base + "/tasks", "{\"title\": \"Two\"}").json().getString("id");
        assertEquals(
                200,
                api.put(base + "/tasks/" + task + "/blockers/" + blocker, "").status());
        String milestone =
                api.post(base + "/milestones", "{\"name\": \"M1\"}").json().getString("id");
        String comment = api.post(base + "/tasks/" + task + "/comments", "{\"body\": \"Hi\"}")
                .json()
                .getString("id");
        String entry = api.post(base + "/time", "{\"taskId\": \"%s\", \"minutes\": 30}".formatted(task))
                .json()
                .getString("id");
        String etag = api.get(base + "/tasks/" + task).header("ETag").orElseThrow();
        String projectTag = api.get(base).header("ETag").orElseThrow();
        assertEquals(200, api.post(base + "/archive", "").status());

        List<Api.Reply> writes = List.of(
                api.withHeader("If-Match", projectTag).patch(base, "{\"name\": \"New\"}"),
                api.put(base + "/members/" + other.id(), "{\"role\": \"viewer\"}"),
                api.delete(base + "/members/" + other.id()),
                api.post(base + "/milestones", "{\"name\": \"M2\"}"),
                api.delete(base + "/milestones/" + milestone),
                api.post(base + "/tasks", "{\"title\": \"Three\"}"),
                api.withHeader("If-Match", etag).patch(base + "/tasks/" + task, "{\"title\": \"Renamed\"}"),
                api.post(base + "/tasks/" + task + "/move", "{\"status\": \"done\"}"),
                api.delete(base + "/tasks/" + task + "/blockers/" + blocker),
                api.put(base + "/tasks/" + blocker + "/blockers/" + task, ""),
                api.delete(base + "/tasks/" + blocker),
                api.post(base + "/tasks/" + task + "/comments", "{\"body\": \"Late\"}"),
                api.put(base + "/tasks/" + task + "/comments/" + comment, "{\"body\": \"Edited\"}"),
                api.delete(base + "/tasks/" + task + "/comments/" + comment),
                api.post(base + "/time", "{\"taskId\": \"%s\", \"minutes\": 10}".formatted(task)),
                api.delete(base + "/time/" + entry));
        for (Api.Reply write : writes) {
            assertEquals(409, write.status(), write::toString);
            assertTrue(write.json().getString("type").endsWith("project-archived"), write::toString);
        }

        assertEquals(200, api.get(base).status());
        assertEquals(200, api.get(base + "/tasks/" + task).status());
        assertEquals(2, api.get(base + "/tasks").json().getInt("total"), "nothing was added or removed");
        assertEquals(1, api.get(base + "/tasks/" + task + "/comments").json().getInt("total"));
        assertEquals(204, api.delete(base).status(), "an owner may still delete it");
    }
}
