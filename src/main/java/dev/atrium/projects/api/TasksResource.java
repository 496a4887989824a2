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
import dev.atrium.projects.application.TaskService;
import dev.atrium.projects.application.Views.ActivityView;
import dev.atrium.projects.application.Views.TaskView;
import dev.atrium.projects.domain.Task;
import dev.atrium.projects.domain.TaskFilter;
import dev.atrium.projects.domain.TaskPriority;
import dev.atrium.projects.domain.TaskStatus;
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
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tasks of a project: its board, blocking relations, search and history. */
@Path("/t/{tenant}/api/v1/projects/{projectId}/tasks")
@TenantApi(TenantModule.PROJECTS)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenant: tasks")
public class TasksResource {

    /** Resolved and checked against the token by TenantBindingFilter; declared so the API description names it. */
    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @PathParam("projectId")
    UUID projectId;

    @Inject
    TaskService tasks;

    @Inject
    ProjectService projects;

    @Inject
    MergePatch patches;

    @POST
    @RolesAllowed(MEMBER)
    @Operation(summary = "Add a task at the end of the to-do column (editors)")
    public Response create(@NotNull @Valid ProjectRequests.TaskCreate body, @Context UriInfo uri) {
        TaskView task = tasks.create(projectId, body.title(), body.taskPriority(), body.edit());
        return Responses.created(uri, task.id(), task, task.version());
    }

    @GET
    @RolesAllowed(MEMBER)
    @Operation(summary = "Tasks by board order, filtered; with q, full-text search ranked by relevance (paged)")
    public Page<TaskView> search(
            @QueryParam("status") String status,
            @QueryParam("assignee") UUID assignee,
            @QueryParam("label") String label,
            @QueryParam("priority") String priority,
            @QueryParam("milestone") UUID milestone,
            @QueryParam("dueFrom") LocalDate dueFrom,
            @QueryParam("dueTo") LocalDate dueTo,
            @QueryParam("q") String text,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        TaskFilter filter = new TaskFilter(
                status == null ? null : EnumIds.fromId(TaskStatus.class, status, "task status"),
                assignee,
                label,
                priority == null ? null : EnumIds.fromId(TaskPriority.class, priority, "priority"),
                milestone,
                dueFrom,
                dueTo,
                text);
        return tasks.search(projectId, filter, PageRequest.of(page, size));
    }

    @GET
    @Path("/{taskId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "One task, with its ETag")
    public Response get(@PathParam("taskId") UUID taskId) {
        return withTag(tasks.get(projectId, taskId));
    }

    @PATCH
    @Path("/{taskId}")
    @RolesAllowed(MEMBER)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Change a task (editors), as a JSON merge patch: null clears an optional part. Requires If-Match"
                    + " with the ETag read (or *).")
    public Response edit(
            @PathParam("taskId") UUID taskId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(schema = @Schema(implementation = ProjectRequests.TaskPatch.class)))
                    @NotNull
                    JsonObject body) {
        EntityTags.IfMatch version = EntityTags.required(ifMatch, "task " + taskId);
        MergePatch.Read<ProjectRequests.TaskPatch> patch =
                patches.read(body, ProjectRequests.TaskPatch.class, Task.Edit.CLEARABLE);
        return withTag(tasks.edit(projectId, taskId, version, patch.values().edit(patch.cleared())));
    }

    @POST
    @Path("/{taskId}/move")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Move a task on the board: to a column, before another task or to the column's end")
    public Response move(@PathParam("taskId") UUID taskId, @NotNull @Valid ProjectRequests.Move move) {
        return withTag(tasks.move(projectId, taskId, move.taskStatus(), move.beforeTaskId()));
    }

    @PUT
    @Path("/{taskId}/blockers/{blockerId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Mark the task as blocked by another (a relation that would close a cycle is refused)")
    public Response block(@PathParam("taskId") UUID taskId, @PathParam("blockerId") UUID blockerId) {
        return withTag(tasks.block(projectId, taskId, blockerId));
    }

    @DELETE
    @Path("/{taskId}/blockers/{blockerId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "The task is no longer blocked by the other")
    public Response unblock(@PathParam("taskId") UUID taskId, @PathParam("blockerId") UUID blockerId) {
        return withTag(tasks.unblock(projectId, taskId, blockerId));
    }

    @DELETE
    @Path("/{taskId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Delete a task and its subtasks (editors)")
    public Response delete(@PathParam("taskId") UUID taskId) {
        tasks.delete(projectId, taskId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{taskId}/activity")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Every change to the task, newest first (paged)")
    public Page<ActivityView> activity(
            @PathParam("taskId") UUID taskId, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        tasks.get(projectId, taskId);
        return projects.activity(projectId, taskId, PageRequest.of(page, size));
    }

    private static Response withTag(TaskView task) {
        return Responses.tagged(task, task.version());
    }
}
