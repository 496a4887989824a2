package dev.atrium.marketplace.api;

import dev.atrium.marketplace.application.PublicListings;
import dev.atrium.marketplace.application.Searches;
import dev.atrium.marketplace.application.Views;
import dev.atrium.marketplace.infrastructure.MarketplaceSearch;
import dev.atrium.platform.api.OneOf;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The marketplace as the tenant's public (white-label) site shows it to visitors who are not signed in: public
 * profiles and public open jobs, searchable. Answers without a token.
 */
@Path("/t/{tenant}/api/v1/marketplace/public")
@TenantApi(TenantModule.MARKETPLACE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketplace: public site")
public class PublicMarketplaceResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    PublicListings listings;

    @GET
    @Path("/profiles")
    @PermitAll
    @Operation(summary = "Search the professionals who show their profile publicly (no token needed)")
    public Searches.Results<Views.ProfileView> professionals(
            @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("category") String category,
            @QueryParam("skill") List<String> skills,
            @QueryParam("sort") @OneOf(MarketplaceSearch.ProfessionalOrder.class) String sort,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return listings.professionals(
                new Searches.ProfessionalQuery(q, category, skills, null, null, null, null, null, null, null),
                sort == null
                        ? MarketplaceSearch.ProfessionalOrder.RELEVANCE
                        : MarketplaceRequests.enumOrNull(MarketplaceSearch.ProfessionalOrder.class, sort),
                PageRequest.of(page, size));
    }

    @GET
    @Path("/profiles/{memberId}")
    @PermitAll
    @Operation(summary = "A public profile (no token needed)")
    public Views.ProfileView professional(@PathParam("memberId") UUID memberId) {
        return listings.professional(memberId);
    }

    @GET
    @Path("/jobs")
    @PermitAll
    @Operation(summary = "Search the open jobs shown publicly (no token needed)")
    public Searches.Results<Views.JobView> jobs(
            @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("category") String category,
            @QueryParam("skill") List<String> skills,
            @QueryParam("sort") @OneOf(MarketplaceSearch.JobOrder.class) String sort,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return listings.jobs(
                new Searches.JobQuery(q, category, skills, null, null, null, null, null),
                sort == null
                        ? MarketplaceSearch.JobOrder.RELEVANCE
                        : MarketplaceRequests.enumOrNull(MarketplaceSearch.JobOrder.class, sort),
                PageRequest.of(page, size));
    }

    @GET
    @Path("/jobs/{id}")
    @PermitAll
    @Operation(summary = "A public open job (no token needed)")
    public Views.JobView job(@PathParam("id") UUID id) {
        return listings.job(id);
    }
}
