package dev.atrium.billing.api;

import static dev.atrium.platform.security.Roles.ADMIN;

import dev.atrium.billing.application.TenantBillingSettings;
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

/** The tenant's billing settings (admins): the share it keeps of what professionals earn through its marketplace. */
@Path("/t/{tenant}/api/v1/billing/settings")
@TenantApi(TenantModule.BILLING)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Billing: settings")
public class BillingSettingsResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    TenantBillingSettings settings;

    /** @param marketplaceShareBasisPoints 0 to 5000 (50 %); applies to escrow funded from now on */
    public record SettingsChange(Integer marketplaceShareBasisPoints) {}

    @GET
    @RolesAllowed(ADMIN)
    @Operation(summary = "The tenant's billing settings (admins)")
    public Response read() {
        TenantBillingSettings.Versioned read = settings.read();
        return Responses.tagged(read.settings(), read.version());
    }

    @PATCH
    @RolesAllowed(ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change the tenant's billing settings (admins); requires If-Match")
    public Response change(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid SettingsChange change) {
        TenantBillingSettings.Versioned changed =
                settings.change(EntityTags.required(ifMatch, "billing settings"), change.marketplaceShareBasisPoints());
        return Responses.tagged(changed.settings(), changed.version());
    }
}
