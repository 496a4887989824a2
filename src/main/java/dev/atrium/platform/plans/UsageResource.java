package dev.atrium.platform.plans;

import static dev.atrium.platform.security.Roles.ADMIN;

import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
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

/** The tenant's plan and how much of each quota it uses. */
@Path("/t/{tenant}/api/v1/usage")
@TenantApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenant: usage")
public class UsageResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    TenantUsage usage;

    @GET
    @RolesAllowed(ADMIN)
    @Operation(summary = "The tenant's plan and its use of each quota (tenant admins)")
    public TenantUsage.Usage usage() {
        return usage.current();
    }
}
