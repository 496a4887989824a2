package dev.atrium.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.EndpointMatrix;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tenant's admins read what was done to their tenant's membership and data: their own log, in their schema. */
class TenantAuditIT {

    @Test
    void membershipChangesAreInTheTenantsOwnLogWithWhoDidThem() {
        Tenant tenant = TestTenants.onboard("taud");
        Member student = TestTenants.invite(tenant, "student");
        Api admin = tenant.admin().api();
        Api.Reply changed = admin.put(tenant.path("/members/" + student.id() + "/roles"), "{\"roles\": [\"client\"]}");
        assertEquals(200, changed.status(), changed::toString);
        Api.Reply removed = admin.delete(tenant.path("/members/" + student.id()));
        assertEquals(204, removed.status(), removed::toString);

        List<JsonObject> entries = admin.get(tenant.path("/audit?size=100")).json().getJsonArray("items").stream()
                .map(item -> item.asJsonObject())
                .toList();
        assertEquals(
                List.of("member.remove", "member.roles", "member.join", "member.join"),
                entries.stream().map(entry -> entry.getString("action")).toList(),
                entries::toString);
        JsonObject roles = entries.get(1);
        assertEquals("roles student → client", roles.getString("detail"));
        assertTrue(roles.getString("target").startsWith(student.email()), roles::toString);
        assertEquals(tenant.admin().id(), roles.getString("actorId"));
        JsonObject firstAdmin = entries.get(3);
        assertEquals("platform", firstAdmin.getString("actorName"), "onboarding, not a member, added the first admin");
        assertEquals(
                1, admin.get(tenant.path("/audit?action=member.roles")).json().getInt("total"));

        Tenant other = TestTenants.onboard("taudx");
        assertEquals(1, other.admin().api().get(other.path("/audit")).json().getInt("total"), "only its own");
    }

    @Test
    void onlyAdminsReadTheLog() {
        Tenant tenant = TestTenants.onboard("taudm");
        assertEquals(
                403,
                TestTenants.invite(tenant, "student")
                        .api()
                        .get(tenant.path("/audit"))
                        .status());
        EndpointMatrix.forModule(tenant, null)
                .admin("GET", "/audit", null)
                .verify(tenant.admin().email());
    }
}
