package dev.atrium.platform.tenancy;

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
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tenant isolation, the first security property: a token for one tenant never reads or writes another tenant's
 * data. Every tenant endpoint is called with the other tenant's token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationIT {

    private Tenant alpha;
    private Tenant beta;
    private Member alphaStudent;

    @BeforeAll
    void twoTenantsWithData() {
        alpha = TestTenants.onboard("iso");
        beta = TestTenants.onboard("iso");
        alphaStudent = TestTenants.invite(alpha, "student");
        alpha.admin().api().patch(alpha.path("/members/me"), "{\"bio\": \"alpha secret\"}");
    }

    /** Every members endpoint, as (method, path in alpha, body). */
    private List<String[]> alphaEndpoints() {
        return List.of(
                new String[] {"GET", alpha.path("/members/me"), null},
                new String[] {"PATCH", alpha.path("/members/me"), "{\"bio\": \"written by beta\"}"},
                new String[] {"GET", alpha.path("/members"), null},
                new String[] {"GET", alpha.path("/members/" + alphaStudent.id()), null},
                new String[] {
                    "POST",
                    alpha.path("/members"),
                    "{\"email\": \"x@y.example\", \"displayName\": \"X\", \"roles\": [\"admin\"]}"
                },
                new String[] {"PUT", alpha.path("/members/" + alphaStudent.id() + "/roles"), "{\"roles\": [\"admin\"]}"
                },
                new String[] {"DELETE", alpha.path("/members/" + alphaStudent.id()), null},
                new String[] {"GET", alpha.path("/branding"), null});
    }

    @Test
    void everyTenantEndpointRefusesAnotherTenantsAdminToken() {
        Api betaAdmin = beta.admin().api();
        for (String[] endpoint : alphaEndpoints()) {
            Api.Reply reply = betaAdmin.send(
                    endpoint[0], endpoint[1], endpoint[2] == null ? null : "application/json", endpoint[2]);
            assertTrue(
                    reply.status() == 403 || reply.status() == 404,
                    () -> endpoint[0] + " " + endpoint[1] + ": " + reply);
            assertTrue(reply.isProblem(), reply::toString);
            assertFalse(reply.body().contains("alpha secret"));
            assertFalse(reply.body().contains(alphaStudent.email()));
        }
        assertUntouched();
    }

    @Test
    void operatorAndServiceAccountTokensAreNotTenantTokens() {
        for (String token : List.of(TestSystem.operatorToken(), TestSystem.serviceAccountToken())) {
            Api.Reply reply = Api.withToken(token).get(alpha.path("/members"));
            assertEquals(403, reply.status(), reply::toString);
            assertTrue(reply.json().getString("type").endsWith("/token-not-for-tenant"));
        }
    }

    @Test
    void aMemberOfOneTenantSigningInThroughAnothersClientGetsNothing() {
        // The student exists in Keycloak and is a member of alpha's organisation only. Through beta's client the
        // token says azp=tenant-beta, organization=[alpha]: bound to neither tenant.
        String crossToken = TestSystem.tenantToken(beta.slug(), alphaStudent.email(), TestTenants.PASSWORD);

        Api.Reply onBeta = Api.withToken(crossToken).get(beta.path("/members/me"));
        Api.Reply onAlpha = Api.withToken(crossToken).get(alpha.path("/members/me"));

        assertEquals(403, onBeta.status(), onBeta::toString);
        assertEquals(403, onAlpha.status(), onAlpha::toString);
    }

    @Test
    void aMemberOfBothTenantsActsInEachOnlyWithThatTenantsRoles() {
        // Alpha's admin is invited into beta as a student: one Keycloak account, two memberships.
        Api.Reply invited = beta.admin()
                .api()
                .post(
                        beta.path("/members"),
                        "{\"email\": \"%s\", \"displayName\": \"Both\", \"roles\": [\"student\"]}"
                                .formatted(alpha.admin().email()));
        assertEquals(201, invited.status(), invited::toString);
        assertFalse(invited.json().containsKey("temporaryPassword"), "the existing account is reused");

        String throughBeta = TestSystem.tenantToken(beta.slug(), alpha.admin().email(), TestTenants.PASSWORD);
        assertEquals(403, Api.withToken(throughBeta).get(beta.path("/members")).status(), "a student in beta");
        assertEquals(403, Api.withToken(throughBeta).get(alpha.path("/members")).status(), "beta's token in alpha");
        assertEquals(200, alpha.admin().api().get(alpha.path("/members")).status(), "an admin in alpha");
    }

    @Test
    void domainOfOneTenantWithAnotherTenantsTokenGetsNothing() {
        Api.Reply reply = beta.admin().api().onHost(alpha.slug() + ".localhost").get("/api/v1/members/me");

        assertEquals(403, reply.status(), reply::toString);
        assertFalse(reply.body().contains(alpha.admin().email()));
    }

    @Test
    void concurrentRequestsOfEightTenantsNeverSeeAnotherTenantsRows() throws Exception {
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tenants.add(TestTenants.onboard("par"));
        }
        Map<String, String> tokens = new ConcurrentHashMap<>();
        for (Tenant tenant : tenants) {
            tokens.put(tenant.slug(), tenant.admin().token());
        }
        AtomicInteger checked = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int round = 0; round < 40; round++) {
                for (Tenant tenant : tenants) {
                    calls.add(pool.submit(() -> {
                        Api api = Api.withToken(tokens.get(tenant.slug()));
                        JsonObject me = api.get(tenant.path("/members/me")).json();
                        assertEquals("admin@" + tenant.slug() + ".example", me.getString("email"));
                        JsonObject list = api.get(tenant.path("/members")).json();
                        for (JsonValue item : list.getJsonArray("items")) {
                            String email = item.asJsonObject().getString("email");
                            assertTrue(
                                    email.endsWith("@" + tenant.slug() + ".example"), email + " in " + tenant.slug());
                        }
                        checked.incrementAndGet();
                    }));
                }
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(320, checked.get(), "640 requests over 8 tenants");
    }

    private void assertUntouched() {
        JsonObject student = alpha.admin()
                .api()
                .get(alpha.path("/members/" + alphaStudent.id()))
                .json();
        assertEquals("student", student.getJsonArray("roles").getString(0));
        assertEquals(
                "alpha secret",
                alpha.admin().api().get(alpha.path("/members/me")).json().getString("bio"));
        assertFalse(alpha.admin()
                .api()
                .get(alpha.path("/members?q=x%40y.example"))
                .body()
                .contains("x@y.example"));
        assertTrue(KeycloakAdmin.connect().clientExists("tenant-" + alpha.slug()));
    }
}
