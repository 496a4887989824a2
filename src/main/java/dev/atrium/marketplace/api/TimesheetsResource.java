package dev.atrium.marketplace.api;

import static dev.atrium.platform.security.Roles.ADMIN;
import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.marketplace.application.TimesheetDesk;
import dev.atrium.marketplace.application.TimesheetViews;
import dev.atrium.marketplace.domain.TimesheetStatus;
import dev.atrium.platform.api.EnumIds;
import dev.atrium.platform.api.Responses;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An hourly contract's weeks ({@code 2026-W47}): the professional logs time and submits a week, the client approves it
 * (a milestone for its hours, to fund) or disputes it, an admin decides a disputed week.
 */
@Path("/t/{tenant}/api/v1/marketplace/contracts/{id}/timesheets")
@TenantApi(TenantModule.MARKETPLACE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketplace: timesheets")
public class TimesheetsResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @PathParam("id")
    @Parameter(description = "The hourly contract")
    UUID contract;

    @Inject
    TimesheetDesk timesheets;

    @GET
    @RolesAllowed(MEMBER)
    @Operation(summary = "The contract's weeks with time or submitted, newest first, without entries (paged)")
    public Page<TimesheetViews.WeekView> weeks(
            @QueryParam("status") String status, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return timesheets.weeks(
                contract,
                status == null ? null : EnumIds.fromId(TimesheetStatus.class, status, "timesheet status"),
                PageRequest.of(page, size));
    }

    @POST
    @Path("/entries")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Log time (the professional): today or a past day of the current or previous week, within the"
                    + " weekly limit")
    public Response log(@NotNull @Valid TimesheetRequests.TimeLogged body, @Context UriInfo uri) {
        TimesheetViews.EntryView entry = timesheets.log(contract, body.date(), body.minutes(), body.description());
        return Responses.created(uri, entry.id(), entry, entry.version());
    }

    @PATCH
    @Path("/entries/{entryId}")
    @RolesAllowed(MEMBER)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change an entry's time or description while its week is open (the professional)")
    public Response change(@PathParam("entryId") UUID entryId, @NotNull @Valid TimesheetRequests.TimeChanges body) {
        TimesheetViews.EntryView entry = timesheets.change(contract, entryId, body.minutes(), body.description());
        return Responses.tagged(entry, entry.version());
    }

    @DELETE
    @Path("/entries/{entryId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Remove an entry while its week is open (the professional)")
    public Response remove(@PathParam("entryId") UUID entryId) {
        timesheets.remove(contract, entryId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{week}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "One week (2026-W47) with its entries, total, limit, amount and status")
    public TimesheetViews.WeekView week(@PathParam("week") String week) {
        return timesheets.week(contract, week);
    }

    @POST
    @Path("/{week}/submit")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Submit a week to the client (the professional): its entries are frozen")
    public TimesheetViews.WeekView submit(@PathParam("week") String week) {
        return timesheets.submit(contract, week);
    }

    @POST
    @Path("/{week}/approve")
    @RolesAllowed(MEMBER)
    @Operation(
            summary = "Approve a submitted week (the client): a milestone for its hours, released as soon as the"
                    + " client funds it")
    public TimesheetViews.WeekView approve(@PathParam("week") String week) {
        return timesheets.approve(contract, week);
    }

    @POST
    @Path("/{week}/dispute")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dispute a submitted week (the client): nothing is paid until an admin decides")
    public TimesheetViews.WeekView dispute(
            @PathParam("week") String week, @NotNull @Valid TimesheetRequests.WeekDispute body) {
        return timesheets.dispute(contract, week, body.reason());
    }

    @POST
    @Path("/{week}/decision")
    @RolesAllowed(ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide a disputed week (admins): approve it as submitted, or reopen it for corrections")
    public TimesheetViews.WeekView decide(
            @PathParam("week") String week, @NotNull @Valid TimesheetRequests.WeekDecision body) {
        return timesheets.decide(contract, week, body.value(), body.note());
    }
}
