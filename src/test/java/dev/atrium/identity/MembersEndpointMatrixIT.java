package dev.atrium.identity;

import dev.atrium.testing.EndpointMatrix;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Tenant;
import org.junit.jupiter.api.Test;

/** The platform's own tenant endpoints (members, usage, branding) refuse what the platform contract says. */
class MembersEndpointMatrixIT {

    @Test
    void everyMembersEndpointRefusesStrangersOtherTenantsNonMembersAndNonAdmins() {
        Tenant tenant = TestTenants.onboard("mmx");
        String admin = "/members/" + tenant.admin().id();
        EndpointMatrix.forModule(tenant, null)
                .member("GET", "/members/me", null)
                .member("PATCH", "/members/me", "{\"bio\": \"x\"}")
                .member("GET", admin, null)
                .admin("GET", "/members", null)
                .admin(
                        "POST",
                        "/members",
                        "{\"email\": \"n@example.org\", \"displayName\": \"N\", \"roles\": [\"client\"]}")
                .admin("PUT", admin + "/roles", "{\"roles\": [\"client\"]}")
                .admin("DELETE", admin, null)
                .admin("GET", "/usage", null)
                .verify(tenant.admin().email());
    }
}
