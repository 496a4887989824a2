package dev.atrium.platform.tenancy.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantResolutionTest {

    @Test
    void organisationClaimAsListOfAliases() {
        assertTrue(TenantResolution.isMember(
                Json.createArrayBuilder().add("acme").add("beta").build(), "acme"));
        assertFalse(TenantResolution.isMember(
                Json.createArrayBuilder().add("acme-x").build(), "acme"));
    }

    @Test
    void organisationClaimAsObjectKeyedByAlias() {
        assertTrue(TenantResolution.isMember(
                Json.createObjectBuilder()
                        .add("acme", Json.createObjectBuilder())
                        .build(),
                "acme"));
        assertFalse(TenantResolution.isMember(Json.createObjectBuilder().build(), "acme"));
    }

    @Test
    void missingOrOddClaimIsNoMembership() {
        assertFalse(TenantResolution.isMember(null, "acme"));
        assertFalse(TenantResolution.isMember("acme", "acme"));
        assertTrue(TenantResolution.isMember(List.of("acme"), "acme"));
    }
}
