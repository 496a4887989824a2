package dev.atrium.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.KeycloakAdmin;
import dev.atrium.testing.Mailbox;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import org.junit.jupiter.api.Test;

/** Mail through the real SMTP server of the test system: branded, translated, and Keycloak's too. */
class MailIT {

    @Test
    void aNewTenantsFirstAdminIsWelcomedInTheTenantsBranding() {
        TestTenants.Tenant tenant = TestTenants.onboard("mail");
        String brand = "Brand of " + tenant.slug();
        Mailbox.Received welcome =
                Mailbox.await(tenant.admin().email(), m -> m.subject().equals("Welcome to " + brand));
        assertEquals(brand, welcome.fromName());
        assertEquals(TestSystem.profile().mailFrom(), welcome.from());
        assertTrue(welcome.text().contains("Hello Admin of " + tenant.slug()), welcome::text);
        assertTrue(welcome.text().contains("as admin"), welcome::text);
        assertTrue(welcome.html().contains("#123456"), "the tenant's colour");
        assertTrue(welcome.html().contains("<strong>" + brand + "</strong>"), welcome::html);
        assertTrue(welcome.messageId().endsWith("@atrium>"), welcome::messageId);
        assertEquals(1, Mailbox.of(tenant.admin().email()).size(), "sent once");
    }

    @Test
    void anInvitedMemberIsWelcomedWithTheirRole() {
        TestTenants.Tenant tenant = TestTenants.onboard("mailinv");
        TestTenants.Member student = TestTenants.invite(tenant, "student");
        Mailbox.Received welcome =
                Mailbox.await(student.email(), m -> m.subject().startsWith("Welcome to "));
        assertTrue(welcome.text().contains("as student"), welcome::text);
    }

    @Test
    void aTenantWhoseLanguageIsSpanishWelcomesInSpanish() {
        String slug = TestTenants.uniqueSlug("correo");
        String email = "admin@" + slug + ".example";
        String definition = TestTenants.definition(slug, email).replace("\"locale\":\"en\"", "\"locale\":\"es\"");
        Api.Reply created = Api.withToken(TestSystem.operatorToken()).post("/api/v1/platform/tenants", definition);
        assertEquals(201, created.status(), created::toString);
        Mailbox.Received welcome = Mailbox.await(email, m -> m.subject().startsWith("Te damos la bienvenida"));
        assertTrue(welcome.text().contains("Ya eres miembro de Brand of " + slug), welcome::text);
        assertTrue(welcome.html().contains("Recibes este mensaje"), welcome::html);
    }

    @Test
    void keycloakSendsThroughTheSameMailServer() {
        TestTenants.Tenant tenant = TestTenants.onboard("mailkc");
        KeycloakAdmin.connect().sendPasswordLink(tenant.admin().email());
        Mailbox.Received link =
                Mailbox.await(tenant.admin().email(), m -> !m.subject().startsWith("Welcome"));
        assertEquals(TestSystem.profile().mailFrom(), link.from());
        assertTrue(link.text().contains("/realms/atrium/login-actions/action-token"), link::text);
    }
}
