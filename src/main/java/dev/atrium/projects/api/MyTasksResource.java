package dev.atrium.projects.api;

import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.platform.api.EnumIds;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.projects.application.TaskService;
import dev.atrium.projects.application.Views.TaskView;
import dev.atrium.projects.domain.TaskFilter;
import dev.atrium.projects.domain.TaskStatus;
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

/** The caller's own tasks across every project of the tenant. */
@Path("/t/{tenant}/api/v1/tasks/mine")
@TenantApi(TenantModule.PROJECTS)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenant: tasks")
public class MyTasksResource {

    /** Resolved and checked against the token by TenantBindingFilter; declared so the API description names it. */
    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    TaskService tasks;

    @GET
    @RolesAllowed(MEMBER)
    @Operation(summary = "Tasks assigned to the caller in all projects they can see (paged; filter by status, q)")
    public Page<TaskView> mine(
            @QueryParam("status") String status,
            @QueryParam("q") String text,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        TaskFilter filter = new TaskFilter(
                status == null ? null : EnumIds.fromId(TaskStatus.class, status, "task status"),
                null,
                null,
                null,
                null,
                null,
                null,
                text);
        return tasks.mine(filter, PageRequest.of(page, size));
    }
}
