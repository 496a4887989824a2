package dev.atrium.marketplace.api;

import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.marketplace.application.SavedSearches;
import dev.atrium.marketplace.application.Searches;
import dev.atrium.marketplace.domain.Pricing;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A member's saved searches of jobs or professionals, with alerts of new matches through notifications. */
@Path("/t/{tenant}/api/v1/marketplace/saved-searches")
@TenantApi(TenantModule.MARKETPLACE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketplace: search")
public class SavedSearchesResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    SavedSearches saved;

    @GET
    @RolesAllowed(MEMBER)
    @Operation(summary = "The caller's saved searches")
    public List<SavedSearches.SavedSearchView> mine() {
        return saved.mine();
    }

    @POST
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a search of jobs or of professionals; with alerts, new matches are notified")
    public Response save(@NotNull @Valid MarketplaceRequests.SavedSearchBody body, @Context UriInfo uri) {
        boolean alerts = body.alerts() == null || body.alerts();
        SavedSearches.SavedSearchView made = "jobs".equals(body.kind())
                ? saved.saveJobs(
                        body.name(),
                        new Searches.JobQuery(
                                body.query(),
                                body.category(),
                                body.skills(),
                                MarketplaceRequests.enumOrNull(Pricing.class, body.pricing()),
                                body.currency(),
                                body.amountMin(),
                                body.amountMax(),
                                null),
                        alerts)
                : saved.saveProfessionals(
                        body.name(),
                        new Searches.ProfessionalQuery(
                                body.query(),
                                body.category(),
                                body.skills(),
                                body.currency(),
                                body.amountMin(),
                                body.amountMax(),
                                null,
                                null,
                                null,
                                null),
                        alerts);
        return Responses.created(uri, made.id(), made);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Switch a saved search's alerts on or off")
    public SavedSearches.SavedSearchView alerts(
            @PathParam("id") UUID id, @NotNull @Valid MarketplaceRequests.AlertsSwitch body) {
        return saved.alerts(id, body.alerts());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Delete a saved search")
    public Response delete(@PathParam("id") UUID id) {
        saved.delete(id);
        return Response.noContent().build();
    }
}
