package dev.atrium.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.KeycloakAdmin;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** The operators' tenant API: onboarding, the directory, and every lifecycle change, with who may do them. */
class TenantLifecycleIT {

    private final Api operator = Api.withToken(TestSystem.operatorToken());

    @Test
    void onboardingCreatesAnActiveTenantWithSchemaClientAndFirstAdmin() {
        String slug = TestTenants.uniqueSlug("onb");
        Api.Reply reply =
                operator.post("/api/v1/platform/tenants", TestTenants.definition(slug, "first@" + slug + ".example"));

        assertEquals(201, reply.status(), reply::toString);
        assertTrue(reply.header("Location").orElseThrow().endsWith("/api/v1/platform/tenants/" + slug));
        JsonObject tenant = reply.json().getJsonObject("tenant");
        assertEquals("active", tenant.getString("status"));
        assertEquals("t_" + slug.replace('-', '_'), tenant.getString("schema"));
        assertTrue(
                tenant.getString("schemaVersion")
                        .matches(
                                "audit \\d+, identity \\d+, media \\d+, billing \\d+, exports \\d+, live \\d+, marketplace \\d+,"
                                        + " messaging \\d+,"
                                        + " notifications \\d+, projects \\d+"),
                "every module's migrations, each with its own version: " + tenant);
        assertEquals("#123456", tenant.getJsonObject("branding").getString("primaryColor"));
        JsonObject firstAdmin = reply.json().getJsonObject("firstAdmin");
        assertEquals("first@" + slug + ".example", firstAdmin.getString("email"));
        assertFalse(firstAdmin.getString("temporaryPassword").isBlank());
        JsonObject timings = reply.json().getJsonObject("timings");
        assertTrue(timings.getJsonNumber("totalMillis").longValue() > 0);

        KeycloakAdmin keycloak = KeycloakAdmin.connect();
        assertTrue(keycloak.clientExists("tenant-" + slug));
        assertTrue(keycloak.organizationExists(slug));
        assertEquals(200, operator.get("/api/v1/platform/tenants/" + slug).status());
    }

    @Test
    void firstAdminTokenCarriesTheTenantRolesAndOrganisation() {
        Tenant tenant = TestTenants.onboard("tok");

        JsonObject me = tenant.admin().api().get(tenant.path("/members/me")).json();

        assertEquals("admin@" + tenant.slug() + ".example", me.getString("email"));
        assertEquals(JsonValue.ValueType.ARRAY, me.get("roles").getValueType());
        assertEquals("admin", me.getJsonArray("roles").getString(0));
    }

    @Test
    void listIsPagedAndFiltersByStatusKindAndName() {
        Tenant tenant = TestTenants.onboard("lst");

        Api.Reply byName = operator.get("/api/v1/platform/tenants?q=" + tenant.slug());
        assertEquals(200, byName.status(), byName::toString);
        assertEquals(1, byName.json().getInt("total"));
        assertEquals(
                tenant.slug(),
                byName.json().getJsonArray("items").getJsonObject(0).getString("slug"));

        Api.Reply page = operator.get("/api/v1/platform/tenants?status=active&kind=school&size=1");
        assertEquals(1, page.json().getJsonArray("items").size());
        assertTrue(page.json().getInt("total") >= 1);

        assertEquals(
                0,
                operator.get("/api/v1/platform/tenants?kind=agency&q=" + tenant.slug())
                        .json()
                        .getInt("total"));
        assertEquals(400, operator.get("/api/v1/platform/tenants?size=1000").status());
        assertEquals(
                400, operator.get("/api/v1/platform/tenants?status=sleeping").status());
    }

    @Test
    void patchChangesNameBrandingModulesAndDomains() {
        Tenant tenant = TestTenants.onboard("pat");

        Api.Reply reply = operator.patch("/api/v1/platform/tenants/" + tenant.slug(), """
                {"name": "Renamed", "plan": "premium", "modules": ["community"],
                 "domains": ["renamed-%s.localhost"],
                 "branding": {"displayName": "Renamed", "primaryColor": "#000000"}}
                """.formatted(tenant.slug()));

        assertEquals(200, reply.status(), reply::toString);
        assertEquals("Renamed", reply.json().getString("name"));
        assertEquals("premium", reply.json().getString("plan"));
        assertEquals("community", reply.json().getJsonArray("modules").getString(0));
        Api.Reply branding = Api.anonymous().get(tenant.path("/branding"));
        assertEquals("#000000", branding.json().getJsonObject("branding").getString("primaryColor"));
        assertEquals(
                200,
                Api.anonymous()
                        .onHost("renamed-" + tenant.slug() + ".localhost")
                        .get("/api/v1/branding")
                        .status());
    }

    @Test
    void suspendedTenantCanBeReadButNotChangedUntilResumed() {
        Tenant tenant = TestTenants.onboard("sus");
        Api admin = tenant.admin().api();

        assertEquals(
                "suspended",
                operator.post("/api/v1/platform/tenants/" + tenant.slug() + "/suspend", "")
                        .json()
                        .getString("status"));
        assertEquals(200, admin.get(tenant.path("/members/me")).status());
        Api.Reply write = admin.patch(tenant.path("/members/me"), "{\"bio\": \"hello\"}");
        assertEquals(403, write.status(), write::toString);
        assertTrue(write.isProblem());
        assertTrue(write.json().getString("type").endsWith("/tenant-suspended"));

        assertEquals(
                "active",
                operator.post("/api/v1/platform/tenants/" + tenant.slug() + "/resume", "")
                        .json()
                        .getString("status"));
        assertEquals(
                200,
                admin.patch(tenant.path("/members/me"), "{\"bio\": \"hello\"}").status());
    }

    @Test
    void archivedTenantIsInvisibleToMembersAndCanBeResumed() {
        Tenant tenant = TestTenants.onboard("arc");
        String token = tenant.admin().token();

        assertEquals(
                200,
                operator.post("/api/v1/platform/tenants/" + tenant.slug() + "/archive", "")
                        .status());
        assertEquals(404, Api.withToken(token).get(tenant.path("/members/me")).status());
        assertEquals(404, Api.anonymous().get(tenant.path("/branding")).status());
        assertEquals(
                409,
                operator.post("/api/v1/platform/tenants/" + tenant.slug() + "/suspend", "")
                        .status());

        assertEquals(
                200,
                operator.post("/api/v1/platform/tenants/" + tenant.slug() + "/resume", "")
                        .status());
        assertEquals(200, Api.withToken(token).get(tenant.path("/members/me")).status());
    }

    @Test
    void deleteNeedsConfirmationThenDropsSchemaAndKeycloakResources() {
        Tenant tenant = TestTenants.onboard("del");
        String path = "/api/v1/platform/tenants/" + tenant.slug();

        Api.Reply unconfirmed = operator.delete(path);
        assertEquals(409, unconfirmed.status(), unconfirmed::toString);
        assertTrue(unconfirmed.json().getString("detail").contains("?confirm=" + tenant.slug()));
        assertEquals("active", operator.get(path).json().getString("status"));

        assertEquals(204, operator.delete(path + "?confirm=" + tenant.slug()).status());
        assertEquals("deleted", operator.get(path).json().getString("status"));
        KeycloakAdmin keycloak = KeycloakAdmin.connect();
        assertFalse(keycloak.clientExists("tenant-" + tenant.slug()));
        assertFalse(keycloak.organizationExists(tenant.slug()));
        assertEquals(404, Api.anonymous().get(tenant.path("/branding")).status());
        assertEquals(204, operator.delete(path + "?confirm=" + tenant.slug()).status(), "deleting again is a no-op");
    }

    @Test
    void everyActionIsInTheAuditLog() {
        Tenant tenant = TestTenants.onboard("aud");
        operator.post("/api/v1/platform/tenants/" + tenant.slug() + "/suspend", "");
        operator.post("/api/v1/platform/tenants/" + tenant.slug() + "/archive", "");

        JsonObject audit =
                operator.get("/api/v1/platform/audit?target=" + tenant.slug()).json();

        assertEquals(3, audit.getInt("total"));
        JsonObject refused = audit.getJsonArray("items").getJsonObject(0);
        assertEquals("tenant.archive", refused.getString("action"));
        assertEquals("SUCCEEDED", refused.getString("outcome"));
        JsonObject onboarding = audit.getJsonArray("items").getJsonObject(2);
        assertEquals("tenant.onboard", onboarding.getString("action"));
        assertEquals("operator", onboarding.getString("actor"));
    }

    @Test
    void platformApiIsForOperatorsOnly() {
        Tenant tenant = TestTenants.onboard("sec");
        String path = "/api/v1/platform/tenants/" + tenant.slug();

        assertEquals(401, Api.anonymous().get(path).status());
        assertEquals(401, Api.anonymous().post("/api/v1/platform/tenants", "{}").status());
        assertEquals(403, tenant.admin().api().get(path).status());
        assertEquals(403, tenant.admin().api().post(path + "/suspend", "").status());
        assertEquals(403, tenant.admin().api().get("/api/v1/platform/audit").status());
        assertEquals(
                200, Api.withToken(TestSystem.serviceAccountToken()).get(path).status());
        assertEquals("active", operator.get(path).json().getString("status"));
    }
}
