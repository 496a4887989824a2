package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.tenancy.domain.TenantRepository;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.util.Collection;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the tenant named by a request into the current tenant, after checking that the tenant is visible and that
 * the caller's token was issued for it. The token binds on {@code azp} (the tenant's client) and the {@code
 * organization} claim (the caller's membership), never on {@code aud}, which Keycloak fills with every client the
 * user has a role in (architecture.md, section 3).
 */
@ApplicationScoped
public class TenantResolution {

    @Inject
    TenantRepository tenants;

    @Inject
    CurrentTenant currentTenant;

    /**
     * @param slugText the tenant as the request names it
     * @param write whether the request changes data (refused while the tenant is suspended)
     * @param token the verified caller token, or {@code null} for an anonymous request
     */
    @Transactional
    public TenantRef enter(String slugText, boolean write, JsonWebToken token) {
        TenantRef tenant = visible(slugText);
        if (token != null) {
            requireBoundTo(tenant, token);
        }
        if (write && !tenant.status().acceptsWrites()) {
            throw new ForbiddenException(
                    "tenant-suspended",
                    "Tenant suspended",
                    "Tenant '" + tenant.slug() + "' is suspended: its data can be read but not changed until the"
                            + " platform operator resumes it.");
        }
        currentTenant.select(tenant);
        return tenant;
    }

    private TenantRef visible(String slugText) {
        TenantSlug slug;
        try {
            slug = TenantSlug.of(slugText);
        } catch (InvalidRequestException notASlug) {
            throw noSuchTenant(slugText);
        }
        return tenants.find(slug)
                .filter(tenant -> tenant.status().isVisibleToMembers())
                .map(TenantRef::of)
                .orElseThrow(() -> noSuchTenant(slug.value()));
    }

    private static void requireBoundTo(TenantRef tenant, JsonWebToken token) {
        String authorizedParty = token.getClaim("azp");
        boolean issuedForTenant = tenant.slug().clientId().equals(authorizedParty);
        if (!issuedForTenant
                || !isMember(token.getClaim("organization"), tenant.slug().value())) {
            throw new ForbiddenException(
                    "token-not-for-tenant",
                    "Token not issued for this tenant",
                    "This token was not issued for tenant '" + tenant.slug() + "'. Sign in through the tenant's own"
                            + " client (" + tenant.slug().clientId() + ") as one of its members.");
        }
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
        return false;
    }

    private static ResourceNotFoundException noSuchTenant(String slug) {
        return new ResourceNotFoundException("There is no tenant '" + slug + "'.");
    }
}
