package dev.atrium.marketplace.api;

import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.marketplace.application.Dashboards;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's marketplace at a glance: as a client and/or as a professional. */
@Path("/t/{tenant}/api/v1/marketplace/dashboard")
@TenantApi(TenantModule.MARKETPLACE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketplace: dashboard")
public class DashboardResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    Dashboards dashboards;

    @GET
    @RolesAllowed(MEMBER)
    @Operation(
            summary = "Jobs, proposals to review, contracts and spend (clients); proposals, allowance, contracts,"
                    + " earnings and payout account (professionals)")
    public Dashboards.Dashboard mine() {
        return dashboards.mine();
    }
}
