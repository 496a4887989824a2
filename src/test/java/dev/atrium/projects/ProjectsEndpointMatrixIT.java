package dev.atrium.projects;

import dev.atrium.testing.Api;
import dev.atrium.testing.EndpointMatrix;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Tenant;
import org.junit.jupiter.api.Test;

/** Every endpoint of the projects module refuses what the platform contract says it must (see EndpointMatrix). */
class ProjectsEndpointMatrixIT {

    @Test
    void everyProjectsEndpointRefusesStrangersOtherTenantsNonMembersAndTenantsWithoutTheModule() {
        Tenant tenant = TestTenants.onboard("pmx");
        Api admin = tenant.admin().api();
        String p = "/projects/"
                + admin.post(tenant.path("/projects"), "{\"name\": \"Matrix\"}")
                        .json()
                        .getString("id");
        String task = p + "/tasks/"
                + admin.post(tenant.path(p + "/tasks"), "{\"title\": \"Secret plan\"}")
                        .json()
                        .getString("id");
        String milestone = p + "/milestones/"
                + admin.post(tenant.path(p + "/milestones"), "{\"name\": \"M\"}")
                        .json()
                        .getString("id");
        String comment = task + "/comments/"
                + admin.post(tenant.path(task + "/comments"), "{\"body\": \"c\"}")
                        .json()
                        .getString("id");
        String member = "/members/" + tenant.admin().id();
        String feed = admin.post(tenant.path("/calendar/feed"), "").json().getString("url");
        String secret = feed.substring(feed.lastIndexOf('/'));

        EndpointMatrix.forModule(tenant, "projects")
                .member("GET", "/projects", null)
                .member("POST", "/projects", "{\"name\": \"x\"}")
                .member("GET", p, null)
                .member("PATCH", p, "{\"name\": \"x\"}")
                .member("POST", p + "/archive", "")
                .member("DELETE", p, null)
                .member("PUT", p + member, "{\"role\": \"owner\"}")
                .member("DELETE", p + member, null)
                .member("GET", p + "/milestones", null)
                .member("POST", p + "/milestones", "{\"name\": \"x\"}")
                .member("DELETE", milestone, null)
                .member("GET", p + "/progress", null)
                .member("GET", p + "/activity", null)
                .member("GET", p + "/tasks", null)
                .member("POST", p + "/tasks", "{\"title\": \"x\"}")
                .member("GET", task, null)
                .member("PATCH", task, "{\"title\": \"x\"}")
                .member("POST", task + "/move", "{\"status\": \"done\"}")
                .member("PUT", task + "/blockers/" + task.substring(task.lastIndexOf('/') + 1), "")
                .member("DELETE", task + "/blockers/" + task.substring(task.lastIndexOf('/') + 1), null)
                .member("GET", task + "/activity", null)
                .member("DELETE", task, null)
                .member("GET", task + "/comments", null)
                .member("POST", task + "/comments", "{\"body\": \"x\"}")
                .member("PUT", comment, "{\"body\": \"x\"}")
                .member("DELETE", comment, null)
                .member("GET", p + "/time", null)
                .member(
                        "POST",
                        p + "/time",
                        "{\"taskId\": \"%s\", \"minutes\": 5}".formatted(task.substring(task.lastIndexOf('/') + 1)))
                .member("GET", "/tasks/mine", null)
                .member("GET", "/recommendations/next-tasks", null)
                .member("GET", "/recommendations/at-risk-projects", null)
                .member("POST", "/calendar/feed", "")
                .member("DELETE", "/calendar/feed", null)
                .open("GET", "/calendar" + secret, null)
                .verify("Secret plan");
    }
}
