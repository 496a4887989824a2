package dev.atrium.marketplace.api;

import static dev.atrium.platform.security.Roles.ADMIN;
import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.marketplace.application.MarketplaceConfiguration;
import dev.atrium.platform.api.EntityTags;
import dev.atrium.platform.api.Responses;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's marketplace settings: read by members (the rules they work under), changed by admins. */
@Path("/t/{tenant}/api/v1/marketplace/settings")
@TenantApi(TenantModule.MARKETPLACE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketplace: settings")
public class MarketplaceSettingsResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    MarketplaceConfiguration configuration;

    @GET
    @RolesAllowed(MEMBER)
    @Operation(summary = "The marketplace's rules: auto-release window, proposal allowances, early access")
    public Response read() {
        MarketplaceConfiguration.SettingsView settings = configuration.read();
        return Responses.tagged(settings, settings.version());
    }

    @PATCH
    @RolesAllowed(ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change the marketplace's rules (admins); requires If-Match")
    public Response change(
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid MarketplaceRequests.SettingsChanges body) {
        MarketplaceConfiguration.SettingsView settings = configuration.change(
                EntityTags.required(ifMatch, "marketplace settings"),
                body.autoReleaseDays(),
                body.monthlyProposals(),
                body.premiumMonthlyProposals(),
                body.earlyAccessHours());
        return Responses.tagged(settings, settings.version());
    }
}
