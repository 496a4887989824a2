package dev.atrium.projects.api;

import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.platform.api.Responses;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.projects.application.CommentService;
import dev.atrium.projects.application.CommentService.CommentView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Comments on a task, with mentions of members. */
@Path("/t/{tenant}/api/v1/projects/{projectId}/tasks/{taskId}/comments")
@TenantApi(TenantModule.PROJECTS)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenant: tasks")
public class CommentsResource {

    /** Resolved and checked against the token by TenantBindingFilter; declared so the API description names it. */
    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @PathParam("projectId")
    UUID projectId;

    @PathParam("taskId")
    UUID taskId;

    @Inject
    CommentService comments;

    /** A comment; members are mentioned as {@code @<member id>} in the text. */
    public record CommentBody(@NotBlank @Size(max = 20_000) String body) {}

    @GET
    @RolesAllowed(MEMBER)
    @Operation(summary = "Comments on a task, oldest first (paged)")
    public Page<CommentView> comments(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return comments.list(projectId, taskId, PageRequest.of(page, size));
    }

    @POST
    @RolesAllowed(MEMBER)
    @Operation(summary = "Comment on a task (project members); @<member id> mentions a member")
    public Response comment(@NotNull @Valid CommentBody body, @Context UriInfo uri) {
        CommentView comment = comments.add(projectId, taskId, body.body());
        return Responses.created(uri, comment.id(), comment);
    }

    @PUT
    @Path("/{commentId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Edit a comment (its author)")
    public CommentView editComment(@PathParam("commentId") UUID commentId, @NotNull @Valid CommentBody body) {
        return comments.edit(projectId, taskId, commentId, body.body());
    }

    @DELETE
    @Path("/{commentId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Delete a comment (its author or a project owner)")
    public Response deleteComment(@PathParam("commentId") UUID commentId) {
        comments.delete(projectId, taskId, commentId);
        return Response.noContent().build();
    }
}
