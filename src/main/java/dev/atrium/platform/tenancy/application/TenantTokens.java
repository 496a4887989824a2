package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads what a verified token says about the tenant it was issued for. The token binds on {@code azp} (the tenant's
 * client), the {@code organization} claim (the caller's membership of the tenant's Keycloak organisation) and the id
 * of that organisation ({@value #ORGANIZATION_IDS_CLAIM}), never on {@code aud}, which Keycloak fills with every
 * client the user has a role in (architecture.md, section 3). The id is what a later tenant onboarded under the same
 * slug does not inherit: its organisation and client are new, so a token of the deleted tenant does not act in it.
 */
public final class TenantTokens {

    /** Written by the tenant client's own organisation mapper: {@code {"<alias>": {"id": "<organisation id>"}}}. */
    public static final String ORGANIZATION_IDS_CLAIM = "tenant_organization";

    private TenantTokens() {}

    /** Refuses a token that was not issued by the tenant's client to one of its organisation's members. */
    public static void requireIssuedFor(TenantSlug slug, JsonWebToken token) {
        requireIssuedFor(slug, token::getClaim);
    }

    /** The same for a token verified elsewhere than the REST API (a live connection): its claims by name. */
    public static void requireIssuedFor(TenantSlug slug, Function<String, Object> claims) {
        boolean issuedForTenant = slug.clientId().equals(claims.apply("azp"));
        if (!issuedForTenant || !isMember(claims.apply("organization"), slug.value())) {
            throw notForTenant(slug);
        }
    }

    /** The id of the tenant's organisation as the token names it, or {@code null}. */
    public static String organizationId(JsonWebToken token, TenantSlug slug) {
        return organizationId(token::getClaim, slug);
    }

    public static String organizationId(Function<String, Object> claims, TenantSlug slug) {
        Object claim = claims.apply(ORGANIZATION_IDS_CLAIM);
        if (claim instanceof JsonObject organizations
                && organizations.get(slug.value()) instanceof JsonObject organization
                && organization.get("id") instanceof JsonString id) {
            return id.getString();
        }
        if (claim instanceof Map<?, ?> organizations
                && organizations.get(slug.value()) instanceof Map<?, ?> organization
                && organization.get("id") instanceof String id) {
            return id;
        }
        return null;
    }

    public static ForbiddenException notForTenant(TenantSlug slug) {
        return new ForbiddenException(
                "token-not-for-tenant",
                "Token not issued for this tenant",
                "This token was not issued for tenant '" + slug + "'. Sign in through the tenant's own client ("
                        + slug.clientId() + ") as one of its members.");
    }

    /** Keycloak writes {@code organization} as a list of aliases, or as an object keyed by alias with attributes. */
    static boolean isMember(Object organizationClaim, String alias) {
        if (organizationClaim instanceof JsonArray array) {
            return array.stream()
                    .anyMatch(value -> value.getValueType() == JsonValue.ValueType.STRING
                            && alias.equals(((JsonString) value).getString()));
        }
        if (organizationClaim instanceof JsonObject object) {
            return object.containsKey(alias);
        }
        if (organizationClaim instanceof Collection<?> collection) {
            return collection.stream().anyMatch(alias::equals);
        }
        if (organizationClaim instanceof Map<?, ?> map) {
            return map.containsKey(alias);
        }
        return false;
    }
}
