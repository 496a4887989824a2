package dev.atrium.marketplace.api;

import static dev.atrium.platform.security.Roles.ADMIN;

import dev.atrium.marketplace.application.TimesheetDesk;
import dev.atrium.marketplace.application.TimesheetViews;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The weeks of hourly contracts that clients disputed, across the tenant: the admins' list to decide from (each is
 * decided at {@code /contracts/{id}/timesheets/{week}/decision}).
 */
@Path("/t/{tenant}/api/v1/marketplace/disputed-weeks")
@TenantApi(TenantModule.MARKETPLACE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketplace: timesheets")
public class DisputedWeeksResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    TimesheetDesk timesheets;

    @GET
    @RolesAllowed(ADMIN)
    @Operation(summary = "Disputed weeks of hourly contracts, longest waiting first (admins; paged)")
    public Page<TimesheetViews.WeekView> disputed(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return timesheets.disputed(PageRequest.of(page, size));
    }
}
