package dev.atrium.platform.tenancy.api;

import dev.atrium.platform.tenancy.application.TenantProfile;
import dev.atrium.platform.tenancy.application.TenantView.BrandingView;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a white-label frontend needs to dress itself as the tenant, before anyone has signed in. */
@Path("/t/{tenant}/api/v1/branding")
@TenantApi
@RequestScoped
@Tag(name = "Tenant: branding")
public class BrandingResource {

    /** Resolved and checked against the token by TenantBindingFilter; declared so the API description names it. */
    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    TenantProfile profile;

    /**
     * The tenant's look and enabled modules, plus how a frontend signs members in: through the tenant's Keycloak
     * client, asking for the tenant's organisation (Keycloak leaves the claim out for a member of several
     * organisations unless one is asked for, and the API requires it).
     */
    public record TenantBranding(
            String slug,
            String name,
            BrandingView branding,
            List<String> modules,
            String loginClientId,
            String loginScope) {}

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tenant's branding and enabled modules (no token needed)")
    public Response branding() {
        TenantRef tenant = profile.current();
        TenantBranding branding = new TenantBranding(
                tenant.slug().value(),
                tenant.name(),
                BrandingView.of(tenant.branding()),
                tenant.modules().stream().map(TenantModule::id).sorted().toList(),
                tenant.slug().clientId(),
                "openid organization:" + tenant.slug());
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        return Response.ok(branding).cacheControl(cache).build();
    }
}
