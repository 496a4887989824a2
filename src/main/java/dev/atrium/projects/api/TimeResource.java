package dev.atrium.projects.api;

import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.projects.application.TimeTracking;
import dev.atrium.projects.application.TimeTracking.TimeEntryView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Time spent on a project's tasks: logging it, and the report. */
@Path("/t/{tenant}/api/v1/projects/{projectId}/time")
@TenantApi(TenantModule.PROJECTS)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenant: tasks")
public class TimeResource {

    /** Resolved and checked against the token by TenantBindingFilter; declared so the API description names it. */
    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @PathParam("projectId")
    UUID projectId;

    @Inject
    TimeTracking time;

    /** Time spent on a task: minutes, the day (default today) and a note. */
    public record TimeBody(
            @NotNull UUID taskId,
            @NotNull @Min(1) @Max(1440) Integer minutes,
            LocalDate date,
            @Size(max = 2000) String note) {}

    @POST
    @RolesAllowed(MEMBER)
    @Operation(summary = "Log time on a task of the project (editors)")
    public Response logTime(@NotNull @Valid TimeBody body) {
        TimeEntryView entry = time.log(projectId, body.taskId(), body.minutes(), body.date(), body.note());
        return Response.status(Response.Status.CREATED).entity(entry).build();
    }

    @GET
    @RolesAllowed(MEMBER)
    @Operation(summary = "Time report: totals per task (with estimate), member, ISO week and project")
    public TimeTracking.Report timeReport(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return time.report(projectId, from, to);
    }

    @DELETE
    @Path("/{entryId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Remove a time entry (its member or a project owner)")
    public Response deleteTime(@PathParam("entryId") UUID entryId) {
        time.delete(projectId, entryId);
        return Response.noContent().build();
    }
}
