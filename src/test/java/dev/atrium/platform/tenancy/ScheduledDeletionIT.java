package dev.atrium.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.platform.media.MediaSamples;
import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.KeycloakAdmin;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A tenant's deletion scheduled after a grace period: archived at once, restorable until the end, then dropped by a
 * job — its schema, Keycloak resources and media objects.
 */
class ScheduledDeletionIT {

    private final Api operator = Api.withToken(TestSystem.operatorToken());

    @Test
    void aScheduledDeletionArchivesTheTenantAndCanBeUndoneUntilItIsDue() {
        Tenant tenant = TestTenants.onboard("grace");
        String path = "/api/v1/platform/tenants/" + tenant.slug();
        Api.Reply scheduled = operator.post(path + "/deletion", "{}");
        assertEquals(200, scheduled.status(), scheduled::toString);
        assertEquals("archived", scheduled.json().getString("status"));
        OffsetDateTime due = OffsetDateTime.parse(scheduled.json().getString("deletionDueAt"));
        assertTrue(due.isAfter(OffsetDateTime.now().plusDays(29)), "30 days by default: " + due);
        assertEquals(404, tenant.admin().api().get(tenant.path("/members/me")).status(), "hidden from its members");
        assertTrue(scheduledJob(tenant.slug()), "the deletion job waits");

        Api.Reply twice = operator.post(path + "/deletion", "{}");
        assertEquals(409, twice.status(), twice::toString);
        Api.Reply resume = operator.post(path + "/resume", "");
        assertEquals(409, resume.status(), "a plain resume does not skip the cancellation: " + resume);

        Api.Reply restored = operator.delete(path + "/deletion");
        assertEquals(200, restored.status(), restored::toString);
        assertEquals("active", restored.json().getString("status"));
        assertFalse(restored.json().containsKey("deletionDueAt"));
        assertEquals(200, tenant.admin().api().get(tenant.path("/members/me")).status(), "members are back");
        assertFalse(scheduledJob(tenant.slug()), "the job is cancelled");
        assertEquals(409, operator.delete(path + "/deletion").status(), "nothing left to cancel");
    }

    @Test
    void whenTheGracePeriodEndsTheTenantIsDroppedWithItsMedia() throws Exception {
        Tenant tenant = TestTenants.onboard("gone");
        String media = MediaSamples.uploadPublicPng(tenant, tenant.admin());
        String content = TestSystem.baseUrl() + tenant.path("/media/" + media + "/content");
        assertEquals(200, status(content));

        String path = "/api/v1/platform/tenants/" + tenant.slug();
        assertEquals(
                200, operator.post(path + "/deletion", "{\"graceDays\": 0}").status());
        Await.until("the tenant dropped", Duration.ofSeconds(30), () -> {
            JsonObject now = operator.get(path).json();
            return now.getString("status").equals("deleted") ? Optional.of(now) : Optional.empty();
        });
        assertFalse(KeycloakAdmin.connect().clientExists("tenant-" + tenant.slug()));
        JsonObject audit = operator.get("/api/v1/platform/audit?target=" + tenant.slug() + "&action=tenant.delete")
                .json();
        assertEquals(
                "system:scheduled-deletion",
                audit.getJsonArray("items").getJsonObject(0).getString("actor"));
        assertEquals(404, status(content));

        Api.Reply invalid = operator.post(
                "/api/v1/platform/tenants/" + TestTenants.onboard("grace2").slug() + "/deletion",
                "{\"graceDays\": -1}");
        assertEquals(400, invalid.status(), invalid::toString);
    }

    private boolean scheduledJob(String slug) {
        return operator
                .get("/api/v1/platform/jobs?status=scheduled&kind=tenancy.delete-tenant&size=100")
                .json()
                .getJsonArray("items")
                .stream()
                .map(item -> item.asJsonObject().getJsonObject("data"))
                .anyMatch(data -> data.getString("slug").equals(slug));
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
