package dev.atrium.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad onboarding requests: each answered with a 4xx problem, and nothing is created for any of them. */
class OnboardingBadInputIT {

    private final Api operator = Api.withToken(TestSystem.operatorToken());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ab",
                "Uppercase",
                "1starts-with-digit",
                "-leading",
                "trailing-",
                "double--hyphen",
                "under_score",
                "api",
                "admin",
                "www",
                "platform",
                "x'; drop schema platform cascade; --",
                "quote\"d",
                "semi;colon",
                "ünïcödé",
                "spaced slug",
                "slug-that-is-much-too-long-for-a-tenant-slug-really"
            })
    void invalidOrReservedSlugIsRefusedAndNothingIsCreated(String slug) {
        Api.Reply reply = operator.post("/api/v1/platform/tenants", TestTenants.definition(slug, "a@b.example"));

        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
        assertNothingCreatedFor(slug);
    }

    @Test
    void unknownFieldIsRefused() {
        String slug = TestTenants.uniqueSlug("unk");
        String body = TestTenants.definition(slug, "a@b.example").replaceFirst("\\{", "{\"colour\": \"red\", ");

        Api.Reply reply = operator.post("/api/v1/platform/tenants", body);

        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.isProblem());
        assertNothingCreatedFor(slug);
    }

    @Test
    void invalidFieldsAreListed() {
        String slug = TestTenants.uniqueSlug("inv");
        String body = TestTenants.definition(slug, "not-an-email")
                .replace("#123456", "red")
                .replace("\"school\"", "\"castle\"");

        Api.Reply reply = operator.post("/api/v1/platform/tenants", body);

        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.body().contains("admin.email"), reply::toString);
        assertTrue(reply.body().contains("primaryColor"), reply::toString);
        assertNothingCreatedFor(slug);
    }

    @Test
    void unknownKindOrModuleIsRefused() {
        String slug = TestTenants.uniqueSlug("knd");
        Api.Reply kind = operator.post(
                "/api/v1/platform/tenants",
                TestTenants.definition(slug, "a@b.example").replace("\"school\"", "\"castle\""));
        Api.Reply module = operator.post(
                "/api/v1/platform/tenants",
                TestTenants.definition(slug, "a@b.example").replace("\"learning\"", "\"alchemy\""));

        assertEquals(400, kind.status(), kind::toString);
        assertTrue(kind.body().contains("castle"));
        assertEquals(400, module.status(), module::toString);
        assertTrue(module.body().contains("alchemy"));
        assertNothingCreatedFor(slug);
    }

    @Test
    void oversizedBodyIsRefused() {
        String slug = TestTenants.uniqueSlug("big");
        String body = TestTenants.definition(slug, "a@b.example")
                .replace("\"Test tenant " + slug + "\"", "\"" + "x".repeat(2_000_000) + "\"");

        Api.Reply reply = operator.post("/api/v1/platform/tenants", body);

        assertTrue(reply.status() >= 400 && reply.status() < 500, reply::toString);
        assertNothingCreatedFor(slug);
    }

    @Test
    void malformedJsonAndMissingBodyAreRefused() {
        assertEquals(
                400, operator.post("/api/v1/platform/tenants", "{\"slug\": ").status());
        assertEquals(400, operator.post("/api/v1/platform/tenants", "").status());
        assertEquals(400, operator.post("/api/v1/platform/tenants", "[]").status());
    }

    @Test
    void domainOfAnotherTenantIsRefused() {
        TestTenants.Tenant owner = TestTenants.onboard("own");
        tenantsBefore = tenantCount();
        String slug = TestTenants.uniqueSlug("dom");
        String body =
                TestTenants.definition(slug, "a@b.example").replace(slug + ".localhost", owner.slug() + ".localhost");

        Api.Reply reply = operator.post("/api/v1/platform/tenants", body);

        assertEquals(409, reply.status(), reply::toString);
        assertNothingCreatedFor(slug);
    }

    @Test
    void existingTenantCannotBeOnboardedAgain() {
        TestTenants.Tenant tenant = TestTenants.onboard("dup");

        Api.Reply reply =
                operator.post("/api/v1/platform/tenants", TestTenants.definition(tenant.slug(), "other@b.example"));

        assertEquals(409, reply.status(), reply::toString);
        assertTrue(reply.json().getString("type").endsWith("/tenant-exists"));
    }

    /** No tenant has the slug, and the directory did not grow. */
    private void assertNothingCreatedFor(String slug) {
        Api.Reply found = operator.get("/api/v1/platform/tenants/"
                + java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20"));
        assertTrue(found.status() == 404 || found.status() == 400, found::toString);
        assertEquals(tenantsBefore, tenantCount());
    }

    private long tenantsBefore;

    @org.junit.jupiter.api.BeforeEach
    void countTenants() {
        tenantsBefore = tenantCount();
    }

    private long tenantCount() {
        return operator.get("/api/v1/platform/tenants?size=1")
                .json()
                .getJsonNumber("total")
                .longValue();
    }
}
