package dev.atrium.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.TestTenants.Tenant;
import java.util.ArrayList;
import java.util.List;

/**
 * The refusals every tenant endpoint owes, checked in one place so that a module adds a line per endpoint, not a copy
 * of the checks: without a token (401), with another tenant's admin token (403 {@code token-not-for-tenant}, and
 * nothing of this tenant in the answer), as a signed-in person of the tenant's organisation who has not joined (403
 * {@code not-a-member}), as a member without the endpoint's role (403), and in a tenant that has not enabled the
 * endpoint's module (404 {@code module-not-enabled}).
 *
 * <pre>{@code
 * EndpointMatrix.forModule(tenant, "projects")
 *         .member("GET", "/projects/" + id, null)
 *         .admin("DELETE", "/members/" + memberId, null)
 *         .verify(secret);
 * }</pre>
 *
 * Paths are relative to the tenant's API root ({@code /t/{slug}/api/v1}). The checks never change data: every call is
 * refused before its use case runs. Every call carries {@code If-Match}, so conditional writes get past 428.
 */
public final class EndpointMatrix {

    /**
     * Who an endpoint serves: anyone (no token needed), any member, the tenant's admins only, or members holding a
     * role the others lack (clients, professionals: a member with none of them, an advertiser, is refused).
     */
    public enum Audience {
        PUBLIC,
        MEMBER,
        ADMIN,
        ROLE
    }

    private record Endpoint(String method, String path, String body, Audience audience) {}

    private final Tenant tenant;
    private final String module;
    private final List<Endpoint> endpoints = new ArrayList<>();

    private EndpointMatrix(Tenant tenant, String module) {
        this.tenant = tenant;
        this.module = module;
    }

    /** Endpoints of a module ({@code null}: the platform's own, which no tenant can switch off). */
    public static EndpointMatrix forModule(Tenant tenant, String module) {
        return new EndpointMatrix(tenant, module);
    }

    public EndpointMatrix member(String method, String path, String body) {
        endpoints.add(new Endpoint(method, path, body, Audience.MEMBER));
        return this;
    }

    public EndpointMatrix admin(String method, String path, String body) {
        endpoints.add(new Endpoint(method, path, body, Audience.ADMIN));
        return this;
    }

    /** An endpoint for members holding a role (clients, professionals), which an advertiser does not hold. */
    public EndpointMatrix role(String method, String path, String body) {
        endpoints.add(new Endpoint(method, path, body, Audience.ROLE));
        return this;
    }

    public EndpointMatrix open(String method, String path, String body) {
        endpoints.add(new Endpoint(method, path, body, Audience.PUBLIC));
        return this;
    }

    /**
     * Runs every check on every endpoint.
     *
     * @param secret a text of this tenant's data that must not appear in any refusal (e.g. a task title)
     */
    public void verify(String secret) {
        Api foreign = TestTenants.onboard("mx-other").admin().api();
        Api outsider = Api.withToken(joinableOutsider());
        Api withoutRole = TestTenants.invite(tenant, "advertiser").api();
        Tenant withoutModule = module == null ? null : TestTenants.onboard("mx-nomod", "premium", otherModule());
        // Holds every role, so that an endpoint for clients or professionals reaches the module check.
        Api everyRole = withoutModule == null
                ? null
                : TestTenants.invite(withoutModule, "admin", "client", "professional", "student", "advertiser")
                        .api();
        for (Endpoint endpoint : endpoints) {
            String path = tenant.path(endpoint.path());
            if (endpoint.audience() != Audience.PUBLIC) {
                expect(endpoint, Api.anonymous(), path, 401, null, "without a token");
            }
            Api.Reply foreignReply = expect(endpoint, foreign, path, 403, "token-not-for-tenant", "other tenant");
            assertFalse(foreignReply.body().contains(secret), () -> describe(endpoint) + " leaked: " + foreignReply);
            if (endpoint.audience() != Audience.PUBLIC) {
                // An endpoint for a role refuses them already for the missing role, before membership is looked at.
                expect(
                        endpoint,
                        outsider,
                        path,
                        403,
                        endpoint.audience() == Audience.MEMBER ? "not-a-member" : null,
                        "organisation member who has not joined");
            }
            if (endpoint.audience() == Audience.ADMIN || endpoint.audience() == Audience.ROLE) {
                expect(endpoint, withoutRole, path, 403, null, "member without the endpoint's role");
            }
            if (withoutModule != null) {
                expect(
                        endpoint,
                        endpoint.audience() == Audience.PUBLIC ? Api.anonymous() : everyRole,
                        withoutModule.path(endpoint.path()),
                        404,
                        "module-not-enabled",
                        "tenant without the module");
            }
        }
    }

    private Api.Reply expect(Endpoint endpoint, Api api, String path, int status, String type, String who) {
        // A version is sent so that conditional writes reach the checks instead of stopping at 428.
        Api.Reply reply = api.withHeader("If-Match", "\"0\"")
                .send(endpoint.method(), path, endpoint.body() == null ? null : "application/json", endpoint.body());
        assertEquals(status, reply.status(), () -> describe(endpoint) + " " + who + ": " + reply);
        if (type != null) {
            assertTrue(reply.isProblem(), () -> describe(endpoint) + " " + who + ": " + reply);
            assertTrue(
                    reply.json().getString("type").endsWith("/" + type),
                    () -> describe(endpoint) + " " + who + ": " + reply);
        }
        return reply;
    }

    /** Someone Keycloak holds in the tenant's organisation who never joined: signed in, bound, not a member. */
    private String joinableOutsider() {
        String email = "outsider-" + TestTenants.uniqueSlug("o") + "@" + tenant.slug() + ".example";
        KeycloakAdmin.connect().addOrganizationMember(tenant.slug(), email, TestTenants.PASSWORD);
        return TestSystem.tenantToken(tenant.slug(), email, TestTenants.PASSWORD);
    }

    /** A module other than the one under test, so that the tenant without it still has some module on. */
    private String otherModule() {
        return "projects".equals(module) ? "community" : "projects";
    }

    private static String describe(Endpoint endpoint) {
        return endpoint.method() + " " + endpoint.path();
    }
}
