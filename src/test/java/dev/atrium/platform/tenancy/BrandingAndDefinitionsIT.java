package dev.atrium.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** White-label branding, tenant resolution by domain, and tenants as code. */
class BrandingAndDefinitionsIT {

    private final Api operator = Api.withToken(TestSystem.operatorToken());

    @Test
    void brandingIsPublicAndNamesTheLoginClient() {
        Tenant tenant = TestTenants.onboard("brd");

        Api.Reply reply = Api.anonymous().get(tenant.path("/branding"));

        assertEquals(200, reply.status(), reply::toString);
        JsonObject branding = reply.json();
        assertEquals("tenant-" + tenant.slug(), branding.getString("loginClientId"));
        assertEquals("#123456", branding.getJsonObject("branding").getString("primaryColor"));
        assertEquals(
                "[\"learning\",\"projects\"]", branding.getJsonArray("modules").toString());
    }

    @Test
    void unknownTenantIsA404Problem() {
        for (String slug : new String[] {"no-such-tenant", "UPPER", "a", "x%27%3B"}) {
            Api.Reply reply = Api.anonymous().get("/t/" + slug + "/api/v1/branding");
            assertEquals(404, reply.status(), reply::toString);
            assertTrue(reply.isProblem());
        }
    }

    @Test
    void aRegisteredDomainServesTheTenantWithoutThePrefix() {
        Tenant tenant = TestTenants.onboard("hst");

        Api.Reply branding =
                Api.anonymous().onHost(tenant.slug() + ".localhost:9080").get("/api/v1/branding");
        Api.Reply me = tenant.admin().api().onHost(tenant.slug() + ".localhost").get("/api/v1/members/me");

        assertEquals(tenant.slug(), branding.json().getString("slug"));
        assertEquals("admin@" + tenant.slug() + ".example", me.json().getString("email"));
        assertEquals(
                404,
                Api.anonymous()
                        .onHost("unknown.localhost")
                        .get("/api/v1/branding")
                        .status());
    }

    @Test
    void loginPageShowsTheTenantsNameAndColours() {
        Tenant tenant = TestTenants.onboard("lgn");
        String login = TestSystem.issuer() + "/protocol/openid-connect/auth?response_type=code&client_id=tenant-"
                + tenant.slug() + "&redirect_uri="
                + URLEncoder.encode("https://" + tenant.slug() + ".localhost/cb", StandardCharsets.UTF_8)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

        Api.Reply page = Api.at(login).get("");

        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("Brand of " + tenant.slug()), "tenant name on the login page");
        assertTrue(page.body().contains("--atrium-primary: #123456"), "tenant colour on the login page");
    }

    @Test
    void demoTenantsAreAppliedAtStartUp() {
        for (String slug : new String[] {"northfield", "brightside", "makers"}) {
            JsonObject tenant = operator.get("/api/v1/platform/tenants/" + slug).json();
            assertEquals("active", tenant.getString("status"), slug);
        }
        assertEquals(
                "school",
                operator.get("/api/v1/platform/tenants/northfield").json().getString("kind"));
        dev.atrium.testing.KeycloakAdmin.connect().setPassword("head@northfield.example", TestTenants.PASSWORD);
        Api head = Api.withToken(TestSystem.tenantToken("northfield", "head@northfield.example", TestTenants.PASSWORD));
        JsonObject sample = head.get("/t/northfield/api/v1/projects")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals("Getting started with Northfield Academy", sample.getString("name"));
        JsonObject board = head.get("/t/northfield/api/v1/projects/" + sample.getString("id") + "/tasks")
                .json();
        assertEquals(6, board.getInt("total"), "the demo tenants come with an example project with tasks");
        String started = Api.anonymous().get("/health/started").body();
        assertTrue(!started.contains("failed"), "every definition applied: " + started);
    }

    @Test
    void demoTenantsHaveTheirLogoFileInTheirMediaAndAWelcomeMessage() throws Exception {
        for (String slug : new String[] {"northfield", "brightside", "makers"}) {
            String logoUrl = Api.anonymous()
                    .get("/t/" + slug + "/api/v1/branding")
                    .json()
                    .getJsonObject("branding")
                    .getString("logoUrl");
            assertTrue(
                    logoUrl.startsWith(TestSystem.baseUrl() + "/t/" + slug + "/api/v1/media/")
                            && logoUrl.contains("/content?v="),
                    logoUrl);
            java.net.http.HttpResponse<byte[]> logo =
                    dev.atrium.testing.Await.until("the logo processed", java.time.Duration.ofSeconds(30), () -> {
                        java.net.http.HttpResponse<byte[]> answer = Api.anonymous()
                                .download(logoUrl.substring(TestSystem.baseUrl().length()));
                        return answer.statusCode() == 200 ? java.util.Optional.of(answer) : java.util.Optional.empty();
                    });
            assertEquals("image/png", logo.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(
                    256,
                    javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(logo.body()))
                            .getWidth());
        }
        // Sent at onboarding, before the logo file is uploaded (the upload needs the tenant's schema): no logo in it.
        dev.atrium.testing.Mailbox.Received welcome = dev.atrium.testing.Mailbox.await(
                "head@northfield.example", message -> message.subject().equals("Welcome to Northfield Academy"));
        assertTrue(welcome.text().contains("Hello Ada Head"), welcome::text);
    }

    @Test
    void aLogoFileIsForTheTenantsFolderNotTheApi() {
        Api.Reply refused = operator.send(
                "POST",
                "/api/v1/platform/tenants/definitions",
                "application/yaml",
                "slug: " + TestTenants.uniqueSlug("logo") + "\nname: X\nkind: school\n"
                        + "branding: {logoFile: secret.png}\nadmin: {email: a@b.example, displayName: A B}");
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.body().contains("logoFile"), refused::toString);
    }

    @Test
    void applyingADefinitionCreatesThenLeavesThenUpdates() {
        String slug = TestTenants.uniqueSlug("yml");
        String yaml = """
                slug: %s
                name: Yaml School
                kind: school
                modules: [learning]
                branding:
                  primaryColor: "#336699"
                admin:
                  email: head@%s.example
                  displayName: Head Teacher
                """.formatted(slug, slug);

        Api.Reply created = operator.send("POST", "/api/v1/platform/tenants/definitions", "application/yaml", yaml);
        Api.Reply unchanged = operator.send("POST", "/api/v1/platform/tenants/definitions", "application/yaml", yaml);
        Api.Reply updated = operator.send(
                "POST",
                "/api/v1/platform/tenants/definitions",
                "application/yaml",
                yaml.replace("Yaml School", "Yaml Academy"));

        assertEquals("CREATED", created.json().getString("outcome"), created::toString);
        assertEquals("UNCHANGED", unchanged.json().getString("outcome"), unchanged::toString);
        assertEquals("UPDATED", updated.json().getString("outcome"), updated::toString);
        assertEquals("Yaml Academy", updated.json().getJsonObject("tenant").getString("name"));
        assertEquals("standard", updated.json().getJsonObject("tenant").getString("plan"));
    }

    @Test
    void badDefinitionsAreProblems() {
        for (String yaml : new String[] {
            "slug: [unclosed",
            "just a string",
            "slug: ok-slug\nname: X\nkind: school\nadmin: {email: a@b.example, displayName: A}\nsurprise: 1",
            "slug: admin\nname: X\nkind: school\nadmin: {email: a@b.example, displayName: A}",
            "!!java.lang.ProcessBuilder [\"true\"]"
        }) {
            Api.Reply reply = operator.send("POST", "/api/v1/platform/tenants/definitions", "application/yaml", yaml);
            assertEquals(400, reply.status(), () -> yaml + " -> " + reply);
            assertTrue(reply.isProblem());
        }
    }
}
