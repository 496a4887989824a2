package dev.atrium.example;

import static dev.atrium.platform.security.Roles.ADMIN;
import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.platform.api.EntityTags;
import dev.atrium.platform.api.MergePatch;
import dev.atrium.platform.api.Responses;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** The example module's endpoints: thin, one service call each. */
@Path("/t/{tenant}/api/v1/announcements")
@TenantApi(TenantModule.COMMUNITY)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AnnouncementsResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    String tenant;

    @Inject
    Announcements announcements;

    @Inject
    MergePatch patches;

    public record Create(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 10_000) String body) {}

    public record Patch(
            @Size(min = 1, max = 200) String title,
            @Size(max = 10_000) String body,
            Boolean pinned) {}

    @POST
    @RolesAllowed(ADMIN)
    public Response publish(@NotNull @Valid Create create, @Context UriInfo uri) {
        Announcements.View view = announcements.publish(create.title(), create.body());
        return Responses.created(uri, view.id(), view, view.version());
    }

    @GET
    @RolesAllowed(MEMBER)
    public Page<Announcements.View> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return announcements.list(PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    public Response get(@PathParam("id") UUID id) {
        Announcements.View view = announcements.get(id);
        return Responses.tagged(view, view.version());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response edit(
            @PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull JsonObject body) {
        EntityTags.IfMatch version = EntityTags.required(ifMatch, "announcement " + id);
        MergePatch.Read<Patch> patch = patches.read(body, Patch.class, Announcement.CLEARABLE);
        Patch values = patch.values();
        Announcements.View view =
                announcements.edit(id, version, values.title(), values.body(), values.pinned(), patch.cleared());
        return Responses.tagged(view, view.version());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(ADMIN)
    public Response remove(@PathParam("id") UUID id) {
        announcements.remove(id);
        return Response.noContent().build();
    }
}
