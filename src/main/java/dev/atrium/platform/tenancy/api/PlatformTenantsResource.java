package dev.atrium.platform.tenancy.api;

import dev.atrium.platform.audit.Actor;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.security.Roles;
import dev.atrium.platform.tenancy.application.OnboardedTenant;
import dev.atrium.platform.tenancy.application.TenantAdministration;
import dev.atrium.platform.tenancy.application.TenantDefinition;
import dev.atrium.platform.tenancy.application.TenantDefinitions;
import dev.atrium.platform.tenancy.application.TenantDirectory;
import dev.atrium.platform.tenancy.application.TenantOnboarding;
import dev.atrium.platform.tenancy.application.TenantPatch;
import dev.atrium.platform.tenancy.application.TenantView;
import dev.atrium.platform.tenancy.domain.TenantFilter;
import dev.atrium.platform.tenancy.domain.TenantKind;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import dev.atrium.platform.tenancy.domain.TenantStatus;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operators' tenant API: onboarding, the directory, and each tenant's lifecycle. */
@Path("/api/v1/platform/tenants")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform: tenants")
public class PlatformTenantsResource {

    static final String YAML = "application/yaml";

    @Inject
    JsonWebToken token;

    @Inject
    TenantOnboarding onboarding;

    @Inject
    TenantAdministration administration;

    @Inject
    TenantDirectory directory;

    @Inject
    TenantDefinitions definitions;

    @Inject
    dev.atrium.platform.export.OperatorExports exports;

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Onboard a tenant",
            description = "Creates its schema, its Keycloak organisation and client with the five roles, and its"
                    + " first admin, then marks it active. Repeating the call after a failure resumes it.")
    public Response onboard(@NotNull @Valid TenantDefinition definition, @jakarta.ws.rs.core.Context UriInfo uri) {
        definition.requireNoLogoFile();
        OnboardedTenant onboarded = onboarding.onboard(definition, Actor.of(token));
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(onboarded.tenant().slug())
                        .build())
                .entity(onboarded)
                .build();
    }

    @POST
    @Path("/definitions")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Consumes({YAML, "text/yaml", MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Apply a tenant definition (tenants as code)",
            description = "Onboards the tenant if absent, updates what differs otherwise, never deletes.")
    public TenantDefinitions.Applied apply(String document) {
        return definitions.apply(definitions.parse(document), Actor.of(token));
    }

    @GET
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "List tenants (paged; filter by status and kind, search by name or slug)")
    public Page<TenantView> list(
            @QueryParam("status") String status,
            @QueryParam("kind") String kind,
            @QueryParam("q") String text,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        TenantFilter filter = new TenantFilter(
                status == null ? null : statusOf(status), kind == null ? null : TenantKind.fromId(kind), text);
        return directory.list(filter, PageRequest.of(page, size));
    }

    @GET
    @Path("/{slug}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "One tenant")
    public TenantView get(@PathParam("slug") String slug) {
        return directory.view(TenantSlug.of(slug));
    }

    @PATCH
    @Path("/{slug}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a tenant's name, plan, branding, modules or domains")
    public TenantView update(@PathParam("slug") String slug, @NotNull @Valid TenantPatch patch) {
        return administration
                .revise(TenantSlug.of(slug), patch.changes(), Actor.of(token))
                .tenant();
    }

    @POST
    @Path("/{slug}/suspend")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Suspend a tenant: members can still read, nobody can change anything")
    public TenantView suspend(@PathParam("slug") String slug) {
        return administration.suspend(TenantSlug.of(slug), Actor.of(token));
    }

    @POST
    @Path("/{slug}/resume")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Resume a suspended or archived tenant")
    public TenantView resume(@PathParam("slug") String slug) {
        return administration.resume(TenantSlug.of(slug), Actor.of(token));
    }

    @POST
    @Path("/{slug}/archive")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Archive a tenant: hidden from its members, data kept")
    public TenantView archive(@PathParam("slug") String slug) {
        return administration.archive(TenantSlug.of(slug), Actor.of(token));
    }

    /** How long an archived tenant waits before it is dropped. */
    public record DeletionRequest(
            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(365)
            Integer graceDays) {}

    @POST
    @Path("/{slug}/deletion")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Schedule a tenant's deletion after a grace period (30 days unless given)",
            description = "The tenant is archived at once (hidden from its members, data kept) and dropped when the"
                    + " grace period ends, unless restored before with DELETE .../deletion.")
    public TenantView scheduleDeletion(
            @PathParam("slug") String slug, @jakarta.validation.Valid DeletionRequest request) {
        int days = request == null || request.graceDays() == null ? 30 : request.graceDays();
        return administration.scheduleDeletion(TenantSlug.of(slug), days, Actor.of(token));
    }

    @POST
    @Path("/{slug}/exports")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Export a tenant's data (as its admins can): answers 202 with the export to follow")
    public Response export(@PathParam("slug") String slug) {
        dev.atrium.platform.export.ExportView export = exports.request(TenantSlug.of(slug), Actor.of(token));
        return Response.accepted(export)
                .location(java.net.URI.create("/api/v1/platform/tenants/" + slug + "/exports/" + export.id()))
                .build();
    }

    @GET
    @Path("/{slug}/exports/{id}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "A tenant export: status, progress, and a fresh download link once it is ready")
    public dev.atrium.platform.export.ExportView exportOf(
            @PathParam("slug") String slug, @PathParam("id") java.util.UUID id) {
        return exports.find(TenantSlug.of(slug), id);
    }

    @DELETE
    @Path("/{slug}/deletion")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Cancel a scheduled deletion: the tenant is restored, active again, nothing lost")
    public TenantView cancelDeletion(@PathParam("slug") String slug) {
        return administration.cancelDeletion(TenantSlug.of(slug), Actor.of(token));
    }

    @DELETE
    @Path("/{slug}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(
            summary = "Delete a tenant and drop its data",
            description = "Requires ?confirm=<slug>; without it the answer is 409 and nothing is dropped.")
    public Response delete(@PathParam("slug") String slug, @QueryParam("confirm") String confirm) {
        onboarding.delete(TenantSlug.of(slug), confirm, Actor.of(token));
        return Response.noContent().build();
    }

    private static TenantStatus statusOf(String status) {
        try {
            return TenantStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new dev.atrium.platform.errors.InvalidRequestException("Unknown tenant status '" + status + "'.");
        }
    }
}
