package dev.atrium.identity.api;

import static dev.atrium.platform.security.Roles.ADMIN;
import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.identity.application.MemberAdministration;
import dev.atrium.identity.application.MemberProfiles;
import dev.atrium.identity.application.MemberView;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.security.Roles;
import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.api.OpenToNonMembers;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Members of a tenant: joining and one's own profile for every member, others' profiles (without their e-mail) for
 * members, and the member directory, invitations, roles and removal for the tenant's admins.
 */
@Path("/t/{tenant}/api/v1/members")
@TenantApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenant: members")
public class MembersResource {

    /** Resolved and checked against the token by TenantBindingFilter; declared so the API description names it. */
    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    JsonWebToken token;

    @Inject
    MemberProfiles profiles;

    @Inject
    dev.atrium.identity.application.MemberAvatars avatars;

    @Inject
    MemberAdministration administration;

    @GET
    @Path("/me")
    @RolesAllowed(MEMBER)
    @Operation(summary = "The caller's profile in this tenant")
    public MemberView me() {
        return profiles.me();
    }

    @POST
    @Path("/me")
    @RolesAllowed(Roles.AUTHENTICATED)
    @OpenToNonMembers
    @Operation(
            summary = "Join the tenant (once), as a person its Keycloak organisation admits",
            description = "For someone who signs in through the tenant's organisation (its e-mail domain or identity"
                    + " provider) without an invitation. 201 with the new membership; 200 with the existing one if"
                    + " already a member; 403 not-in-organization otherwise.")
    public Response join(@Context UriInfo uri) {
        String name = token.getClaim("name");
        String username = token.getClaim("preferred_username");
        MemberProfiles.Joined joined = profiles.join(
                new MemberProfiles.Joiner(token.getSubject(), token.getClaim("email"), name != null ? name : username));
        if (!joined.created()) {
            return Response.ok(joined.member()).build();
        }
        return Response.created(
                        uri.getAbsolutePath().resolve(joined.member().id().toString()))
                .entity(joined.member())
                .build();
    }

    @PATCH
    @Path("/me")
    @RolesAllowed(MEMBER)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Edit the caller's profile: display name, avatar, bio, skills, locale")
    public MemberView editMe(@NotNull @Valid MemberRequests.ProfilePatch patch) {
        return profiles.edit(patch.changes());
    }

    /** The image to make one's avatar. */
    public record AvatarRequest(@NotNull java.util.UUID mediaId) {}

    @PUT
    @Path("/me/avatar")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Make an uploaded public image the caller's avatar",
            description = "Upload it first (POST /media?kind=image&visibility=public); the previous avatar is deleted.")
    public MemberView setAvatar(@NotNull @Valid AvatarRequest request) {
        return avatars.set(request.mediaId());
    }

    @DELETE
    @Path("/me/avatar")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Remove the caller's avatar (the image is deleted)")
    public MemberView removeAvatar() {
        return avatars.remove();
    }

    @GET
    @RolesAllowed(ADMIN)
    @Operation(summary = "List members (paged; filter by role, search name and e-mail)")
    public Page<MemberView> list(
            @QueryParam("role") String role,
            @QueryParam("q") String text,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return administration.list(role == null ? null : TenantRole.fromId(role), text, PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "One member's profile (the e-mail only for admins and the member themself)")
    public MemberView get(@PathParam("id") UUID id) {
        return profiles.view(id);
    }

    @POST
    @RolesAllowed(ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Invite a person by e-mail with roles",
            description = "Reuses their Keycloak account if they have one, creates it otherwise.")
    public Response invite(@NotNull @Valid MemberRequests.Invite invite, @Context UriInfo uri) {
        MemberAdministration.Invitation invitation =
                administration.invite(invite.email(), invite.displayName(), MemberRequests.rolesOf(invite.roles()));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(invitation.member().id().toString())
                        .build())
                .entity(invitation)
                .build();
    }

    @PUT
    @Path("/{id}/roles")
    @RolesAllowed(ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a member's roles (effective in their next token)")
    public MemberView changeRoles(@PathParam("id") UUID id, @NotNull @Valid MemberRequests.RoleAssignment roles) {
        return administration.changeRoles(id, MemberRequests.rolesOf(roles.roles()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(ADMIN)
    @Operation(summary = "Remove a member from the tenant (their account stays)")
    public Response remove(@PathParam("id") UUID id) {
        administration.remove(id);
        return Response.noContent().build();
    }
}
