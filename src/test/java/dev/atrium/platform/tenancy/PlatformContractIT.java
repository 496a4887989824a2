package dev.atrium.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.KeycloakAdmin;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every module gets from the platform: modules a tenant has not enabled do not exist for it, plans
 * limit the modules, tokens bind to the tenant they were issued for (not to a later tenant of the same slug), and
 * malformed parameters are 400 problems naming the parameter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformContractIT {

    private Api operator;
    private Tenant tenant;

    @BeforeAll
    void tenant() {
        operator = Api.withToken(TestSystem.operatorToken());
        tenant = TestTenants.onboard("contract");
    }

    @Test
    void aDisabledModuleDoesNotExistAndEnablingItLaterKeepsItsData() {
        Tenant learningOnly = TestTenants.onboard("lonly", "standard", "learning");
        Api admin = learningOnly.admin().api();
        Api.Reply disabled = admin.get(learningOnly.path("/projects"));
        assertEquals(404, disabled.status(), disabled::toString);
        assertTrue(disabled.json().getString("type").endsWith("module-not-enabled"), disabled::toString);
        assertEquals(
                404,
                admin.post(learningOnly.path("/projects"), "{\"name\": \"No\"}").status());
        assertEquals(200, admin.get(learningOnly.path("/members/me")).status(), "the platform's own stay");

        setModules(learningOnly, "[\"learning\", \"projects\"]");
        Api.Reply created = admin.post(learningOnly.path("/projects"), "{\"name\": \"Kept\"}");
        assertEquals(201, created.status(), created::toString);
        String project = learningOnly.path("/projects/" + created.json().getString("id"));

        setModules(learningOnly, "[\"learning\"]");
        assertEquals(404, admin.get(project).status());

        setModules(learningOnly, "[\"learning\", \"projects\"]");
        assertEquals("Kept", admin.get(project).json().getString("name"), "disabling kept the data");
    }

    @Test
    void aPlanRefusesModulesItDoesNotInclude() {
        String slug = TestTenants.uniqueSlug("plan");
        Api.Reply onboarding = operator.post(
                "/api/v1/platform/tenants",
                TestTenants.definition(slug, "a@" + slug + ".example", "free", "projects", "marketplace"));
        assertEquals(409, onboarding.status(), onboarding::toString);
        assertTrue(onboarding.json().getString("type").endsWith("module-not-in-plan"), onboarding::toString);
        assertTrue(onboarding.json().getString("detail").contains("marketplace"));

        Api.Reply patch =
                operator.patch("/api/v1/platform/tenants/" + tenant.slug(), "{\"modules\": [\"advertising\"]}");
        assertEquals(409, patch.status(), patch::toString);
        Api.Reply downgrade = operator.patch("/api/v1/platform/tenants/" + tenant.slug(), "{\"plan\": \"trial\"}");
        assertEquals(409, downgrade.status(), "trial has no learning, which the tenant uses: " + downgrade);
        Api.Reply unknown = operator.patch("/api/v1/platform/tenants/" + tenant.slug(), "{\"plan\": \"gold\"}");
        assertEquals(400, unknown.status(), unknown::toString);
    }

    @Test
    void aTokenOfADeletedTenantDoesNotActInANewTenantOfTheSameSlug() {
        String slug = TestTenants.uniqueSlug("reuse");
        String email = "admin@" + slug + ".example";
        assertEquals(
                201,
                operator.post("/api/v1/platform/tenants", TestTenants.definition(slug, email))
                        .status());
        KeycloakAdmin.connect().setPassword(email, TestTenants.PASSWORD);
        Api oldToken = Api.withToken(TestSystem.freshTenantToken(slug, email, TestTenants.PASSWORD));
        assertEquals(200, oldToken.get("/t/" + slug + "/api/v1/members").status());

        assertEquals(
                204,
                operator.delete("/api/v1/platform/tenants/" + slug + "?confirm=" + slug)
                        .status());
        Api.Reply again = operator.post("/api/v1/platform/tenants", TestTenants.definition(slug, email));
        assertEquals(201, again.status(), again::toString);

        Api.Reply members = oldToken.get("/t/" + slug + "/api/v1/members");
        assertEquals(403, members.status(), "the old token names the deleted tenant's organisation: " + members);
        assertTrue(members.json().getString("type").endsWith("token-not-for-tenant"), members::toString);
        assertEquals(
                403,
                oldToken.post("/t/" + slug + "/api/v1/projects", "{\"name\": \"Intruder\"}")
                        .status());
        Api newToken = Api.withToken(TestSystem.freshTenantToken(slug, email, TestTenants.PASSWORD));
        assertEquals(200, newToken.get("/t/" + slug + "/api/v1/members").status());
    }

    @Test
    void aDeletedTenantCannotBeRevised() {
        Tenant doomed = TestTenants.onboard("doomed");
        String path = "/api/v1/platform/tenants/" + doomed.slug();
        assertEquals(204, operator.delete(path + "?confirm=" + doomed.slug()).status());
        Api.Reply revived = operator.patch(path, "{\"domains\": [\"%s.example\"]}".formatted(doomed.slug()));
        assertEquals(409, revived.status(), revived::toString);
        JsonObject after = operator.get(path).json();
        assertEquals(0, after.getJsonArray("domains").size(), after::toString);
    }

    @Test
    void malformedParametersAre400ProblemsNamingTheParameter() {
        Api admin = tenant.admin().api();
        assertNamesParameter(admin.get(tenant.path("/projects?page=21474837&size=100")), "page");
        assertNamesParameter(admin.get(tenant.path("/projects?page=abc")), "page");
        assertNamesParameter(admin.get(tenant.path("/projects?size=1000")), "size");
        assertNamesParameter(admin.get(tenant.path("/projects/not-a-uuid")), "id");
        String project = admin.post(tenant.path("/projects"), "{\"name\": \"Params\"}")
                .json()
                .getString("id");
        assertNamesParameter(admin.get(tenant.path("/projects/" + project + "/tasks?dueFrom=tomorrow")), "dueFrom");
        assertNamesParameter(admin.get(tenant.path("/projects/" + project + "/tasks?assignee=me")), "assignee");
        assertNamesParameter(admin.get(tenant.path("/members?page=-1")), "page");
    }

    private static void assertNamesParameter(Api.Reply reply, String parameter) {
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
        assertEquals(
                parameter, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), reply::toString);
    }

    private void setModules(Tenant target, String modules) {
        Api.Reply reply = operator.patch("/api/v1/platform/tenants/" + target.slug(), "{\"modules\": " + modules + "}");
        assertEquals(200, reply.status(), reply::toString);
    }
}
