package dev.atrium.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.KeycloakAdmin;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Onboarding that fails midway, and onboardings that race: never a half-made ACTIVE tenant. */
class OnboardingFailureIT {

    private final Api operator = Api.withToken(TestSystem.operatorToken());

    @Test
    void keycloakRefusingMidwayLeavesAFailedTenantWithNothingHalfMadeAndARetrySucceeds() {
        String slug = TestTenants.uniqueSlug("kcf");
        String definition = TestTenants.definition(slug, "admin@" + slug + ".example");
        KeycloakAdmin keycloak = KeycloakAdmin.connect();
        // The organisation is created, then Keycloak refuses the client: the failure happens midway.
        keycloak.revokePlatformPermission("manage-clients");
        Api.Reply failed;
        try {
            failed = operator.post("/api/v1/platform/tenants", definition);
        } finally {
            keycloak.restorePlatformPermission("manage-clients");
        }

        assertEquals(502, failed.status(), failed::toString);
        assertTrue(failed.isProblem());
        assertTrue(failed.json().getString("type").endsWith("/tenant-onboarding-failed"));
        JsonObject tenant = operator.get("/api/v1/platform/tenants/" + slug).json();
        assertEquals("failed", tenant.getString("status"));
        assertTrue(tenant.getString("failureReason").contains("403"), tenant::toString);
        assertFalse(keycloak.clientExists("tenant-" + slug));
        assertFalse(keycloak.organizationExists(slug));
        assertEquals(404, Api.anonymous().get("/t/" + slug + "/api/v1/branding").status());
        JsonObject audit = operator.get("/api/v1/platform/audit?target=" + slug).json();
        assertEquals("FAILED", audit.getJsonArray("items").getJsonObject(0).getString("outcome"));

        Api.Reply retried = operator.post("/api/v1/platform/tenants", definition);

        assertEquals(201, retried.status(), retried::toString);
        assertEquals("active", retried.json().getJsonObject("tenant").getString("status"));
        assertTrue(keycloak.clientExists("tenant-" + slug));
        assertEquals(200, Api.anonymous().get("/t/" + slug + "/api/v1/branding").status());
    }

    @Test
    void twoConcurrentOnboardingsOfOneSlugGiveOneCreatedAndOneConflict() throws Exception {
        String slug = TestTenants.uniqueSlug("race");
        String definition = TestTenants.definition(slug, "admin@" + slug + ".example");
        Callable<Integer> onboard =
                () -> operator.post("/api/v1/platform/tenants", definition).status();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>(pool.invokeAll(List.of(onboard, onboard)));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            statuses.sort(Integer::compareTo);
            assertEquals(List.of(201, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(
                "active",
                operator.get("/api/v1/platform/tenants/" + slug).json().getString("status"));
    }
}
