package dev.atrium.marketplace.api;

import static dev.atrium.platform.security.Roles.ADMIN;
import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.marketplace.application.Taxonomy;
import dev.atrium.marketplace.application.Views;
import dev.atrium.platform.api.Responses;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's categories of work: listed for members, defined and retired by admins. */
@Path("/t/{tenant}/api/v1/marketplace/categories")
@TenantApi(TenantModule.MARKETPLACE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketplace: categories and skills")
public class CategoriesResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    Taxonomy taxonomy;

    @GET
    @RolesAllowed(MEMBER)
    @Operation(summary = "The categories (retired ones too with all=true)")
    public List<Views.CategoryView> list(@QueryParam("all") boolean all) {
        return taxonomy.categories(all);
    }

    @POST
    @RolesAllowed(ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define a category (admins)")
    public Response define(@NotNull @Valid MarketplaceRequests.CategoryBody body, @Context UriInfo uri) {
        Views.CategoryView made =
                taxonomy.defineCategory(body.slug(), body.name(), body.description(), body.position());
        return Responses.created(uri, made.id(), made);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Rename, reorder or retire a category (admins)")
    public Views.CategoryView revise(
            @PathParam("id") UUID id, @NotNull @Valid MarketplaceRequests.CategoryChanges body) {
        return taxonomy.reviseCategory(id, body.name(), body.description(), body.position(), body.active());
    }
}
