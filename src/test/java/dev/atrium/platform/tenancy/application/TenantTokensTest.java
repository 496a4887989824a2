package dev.atrium.platform.tenancy.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantTokensTest {

    @Test
    void organisationClaimAsListOfAliases() {
        assertTrue(TenantTokens.isMember(
                Json.createArrayBuilder().add("acme").add("beta").build(), "acme"));
        assertFalse(
                TenantTokens.isMember(Json.createArrayBuilder().add("acme-x").build(), "acme"));
    }

    @Test
    void organisationClaimAsObjectKeyedByAlias() {
        assertTrue(TenantTokens.isMember(
                Json.createObjectBuilder()
                        .add("acme", Json.createObjectBuilder())
                        .build(),
                "acme"));
        assertFalse(TenantTokens.isMember(Json.createObjectBuilder().build(), "acme"));
    }

    @Test
    void missingOrOddClaimIsNoMembership() {
        assertFalse(TenantTokens.isMember(null, "acme"));
        assertFalse(TenantTokens.isMember("acme", "acme"));
        assertTrue(TenantTokens.isMember(List.of("acme"), "acme"));
    }
}
