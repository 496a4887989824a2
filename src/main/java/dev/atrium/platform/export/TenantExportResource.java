package dev.atrium.platform.export;

import dev.atrium.platform.api.Responses;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.security.Roles;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

/** The tenant's exports, for its admins. */
@Path("/t/{tenant}/api/v1/exports")
@TenantApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenant: exports")
public class TenantExportResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    TenantExports exports;

    @Inject
    ExportDownloads downloads;

    @Inject
    CurrentTenant currentTenant;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            summary = "Export the tenant's data: a zip of JSON per module plus its media, built in the background",
            description = "Answers 202 with the export; read it back for its progress and, once ready, a download"
                    + " link valid 15 minutes (the export itself is kept 7 days).")
    public Response request() {
        TenantExport export = exports.request(adminName());
        return Response.fromResponse(Responses.created(uri, export.id(), downloads.view(export)))
                .status(Response.Status.ACCEPTED)
                .build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public Page<ExportView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return exports.list(PageRequest.of(page, size)).map(downloads::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "An export: its status and progress, and a fresh download link once it is ready")
    public ExportView get(@PathParam("id") UUID id) {
        return downloads.view(exports.find(id));
    }

    private String adminName() {
        return currentTenant
                .caller()
                .map(member -> member.displayName() == null ? member.memberId().toString() : member.displayName())
                .orElse("admin");
    }
}
