package dev.atrium.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;

/**
 * Tenants and members for tests, made through the platform and members APIs exactly as operators and tenant admins
 * make them. Each test makes its own tenants with unique slugs, so no test depends on another.
 */
public final class TestTenants {

    public static final String PASSWORD = "Test-password-1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestTenants() {}

    /** A member who can sign in: their tenant, e-mail, member id, and a fresh token on demand. */
    public record Member(String slug, String email, String id) {

        /** A token for this member, reused while it is valid. */
        public String token() {
            return TestSystem.tenantToken(slug, email, PASSWORD);
        }

        /** A newly issued token, with the roles Keycloak holds for the member now. */
        public String freshToken() {
            return TestSystem.freshTenantToken(slug, email, PASSWORD);
        }

        public Api api() {
            return Api.withToken(token());
        }
    }

    /** An onboarded tenant and its first admin. */
    public record Tenant(String slug, Member admin) {

        public String path(String apiPath) {
            return "/t/" + slug + "/api/v1" + apiPath;
        }
    }

    /** A slug no other test uses: the prefix, a hyphen and eight random letters. */
    public static String uniqueSlug(String prefix) {
        StringBuilder slug = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            slug.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return slug.toString();
    }

    public static String definition(String slug, String adminEmail) {
        return definition(slug, adminEmail, "standard", "projects", "learning");
    }

    public static String definition(String slug, String adminEmail, String plan, String... modules) {
        return Json.createObjectBuilder()
                .add("slug", slug)
                .add("name", "Test tenant " + slug)
                .add("kind", "school")
                .add("plan", plan)
                .add("modules", Json.createArrayBuilder(java.util.List.of(modules)))
                .add("domains", Json.createArrayBuilder().add(slug + ".localhost"))
                .add(
                        "branding",
                        Json.createObjectBuilder()
                                .add("displayName", "Brand of " + slug)
                                .add("primaryColor", "#123456")
                                .add("accentColor", "#abcdef")
                                .add("locale", "en"))
                .add(
                        "admin",
                        Json.createObjectBuilder().add("email", adminEmail).add("displayName", "Admin of " + slug))
                .build()
                .toString();
    }

    public static Tenant onboard(String prefix) {
        return onboard(prefix, "standard", "projects", "learning");
    }

    /** A tenant on the given plan with the given modules switched on. */
    public static Tenant onboard(String prefix, String plan, String... modules) {
        String slug = uniqueSlug(prefix);
        String email = "admin@" + slug + ".example";
        Api.Reply reply = Api.withToken(TestSystem.operatorToken())
                .post("/api/v1/platform/tenants", definition(slug, email, plan, modules));
        assertEquals(201, reply.status(), reply::toString);
        KeycloakAdmin.connect().setPassword(email, PASSWORD);
        Member admin = new Member(slug, email, null);
        String id = admin.api().get("/t/" + slug + "/api/v1/members/me").json().getString("id");
        return new Tenant(slug, new Member(slug, email, id));
    }

    /** Invites a new person with one role (or several) through the tenant admin and lets them sign in. */
    public static Member invite(Tenant tenant, String role, String... moreRoles) {
        String email = role + "-" + uniqueSlug("m") + "@" + tenant.slug() + ".example";
        jakarta.json.JsonArrayBuilder roles = Json.createArrayBuilder().add(role);
        for (String more : moreRoles) {
            roles.add(more);
        }
        JsonObject invitation = Json.createObjectBuilder()
                .add("email", email)
                .add("displayName", "Member " + email)
                .add("roles", roles)
                .build();
        Api.Reply reply = tenant.admin().api().post(tenant.path("/members"), invitation.toString());
        assertEquals(201, reply.status(), reply::toString);
        KeycloakAdmin.connect().setPassword(email, PASSWORD);
        return new Member(
                tenant.slug(), email, reply.json().getJsonObject("member").getString("id"));
    }
}
