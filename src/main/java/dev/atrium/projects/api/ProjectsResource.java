package dev.atrium.projects.api;

import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.platform.api.EntityTags;
import dev.atrium.platform.api.EnumIds;
import dev.atrium.platform.api.MergePatch;
import dev.atrium.platform.api.Responses;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.projects.application.ProjectService;
import dev.atrium.projects.application.Views.ActivityView;
import dev.atrium.projects.application.Views.MilestoneView;
import dev.atrium.projects.application.Views.ProgressView;
import dev.atrium.projects.application.Views.ProjectView;
import dev.atrium.projects.domain.Project;
import dev.atrium.projects.domain.ProjectStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Projects of a tenant, their members, milestones, progress and activity. */
@Path("/t/{tenant}/api/v1/projects")
@TenantApi(TenantModule.PROJECTS)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenant: projects")
public class ProjectsResource {

    /** Resolved and checked against the token by TenantBindingFilter; declared so the API description names it. */
    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    ProjectService projects;

    @Inject
    MergePatch patches;

    @POST
    @RolesAllowed(MEMBER)
    @Operation(summary = "Create a project; the caller becomes its owner")
    public Response create(@NotNull @Valid ProjectRequests.ProjectCreate body, @Context UriInfo uri) {
        ProjectView project = projects.create(body.edit());
        return Responses.created(uri, project.id(), project, project.version());
    }

    @GET
    @RolesAllowed(MEMBER)
    @Operation(summary = "Projects the caller can see (paged; archived ones only with status=archived)")
    public Page<ProjectView> list(
            @QueryParam("status") String status, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return projects.list(
                status == null ? null : EnumIds.fromId(ProjectStatus.class, status, "project status"),
                PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "One project, with its ETag")
    public Response get(@PathParam("id") UUID id) {
        return withTag(projects.get(id));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a project (editors; visibility: owners). Requires If-Match with the ETag read.")
    public Response edit(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(schema = @Schema(implementation = ProjectRequests.ProjectPatch.class)))
                    @NotNull
                    JsonObject body) {
        EntityTags.IfMatch version = EntityTags.required(ifMatch, "project " + id);
        MergePatch.Read<ProjectRequests.ProjectPatch> patch =
                patches.read(body, ProjectRequests.ProjectPatch.class, Project.Edit.CLEARABLE);
        return withTag(projects.edit(id, version, patch.values().edit(patch.cleared())));
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Archive a project (owners): read-only from then on")
    public Response archive(@PathParam("id") UUID id) {
        return withTag(projects.archive(id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Delete a project with all its tasks (owners)")
    public Response delete(@PathParam("id") UUID id) {
        projects.delete(id);
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/members/{memberId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Add a tenant member to the project, or change their role (owners)")
    public ProjectView assign(
            @PathParam("id") UUID id, @PathParam("memberId") UUID memberId, @NotNull @Valid ProjectRequests.Role role) {
        return projects.assign(id, memberId, role.projectRole());
    }

    @DELETE
    @Path("/{id}/members/{memberId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Remove a member from the project (owners); the last owner stays")
    public ProjectView unassign(@PathParam("id") UUID id, @PathParam("memberId") UUID memberId) {
        return projects.unassign(id, memberId);
    }

    @GET
    @Path("/{id}/milestones")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Milestones with their progress")
    public List<MilestoneView> milestones(@PathParam("id") UUID id) {
        return projects.milestones(id);
    }

    @POST
    @Path("/{id}/milestones")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Add a milestone (editors)")
    public Response addMilestone(
            @PathParam("id") UUID id, @NotNull @Valid ProjectRequests.MilestoneBody body, @Context UriInfo uri) {
        MilestoneView milestone = projects.addMilestone(id, body.name(), body.description(), body.dueDate());
        return Responses.created(uri, milestone.id(), milestone);
    }

    @DELETE
    @Path("/{id}/milestones/{milestoneId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Remove a milestone (editors); its tasks stay, without a milestone")
    public Response removeMilestone(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId) {
        projects.removeMilestone(id, milestoneId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/progress")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Counts by status, percent done, overdue tasks, and a daily burndown/burnup series")
    public ProgressView progress(@PathParam("id") UUID id) {
        return projects.progress(id);
    }

    @GET
    @Path("/{id}/activity")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Every change to the project and its tasks, newest first (paged)")
    public Page<ActivityView> activity(
            @PathParam("id") UUID id, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return projects.activity(id, null, PageRequest.of(page, size));
    }

    private static Response withTag(ProjectView project) {
        return Responses.tagged(project, project.version());
    }
}
