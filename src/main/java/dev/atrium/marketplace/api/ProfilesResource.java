package dev.atrium.marketplace.api;

import static dev.atrium.platform.security.Roles.MEMBER;
import static dev.atrium.platform.security.Roles.PROFESSIONAL;

import dev.atrium.marketplace.application.ProfileDesk;
import dev.atrium.marketplace.application.Searches;
import dev.atrium.marketplace.application.Views;
import dev.atrium.marketplace.domain.Availability;
import dev.atrium.marketplace.infrastructure.MarketplaceSearch;
import dev.atrium.platform.api.OneOf;
import dev.atrium.platform.api.Responses;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Professionals' profiles and portfolios, and clients' hiring records. */
@Path("/t/{tenant}/api/v1/marketplace/profiles")
@TenantApi(TenantModule.MARKETPLACE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketplace: profiles")
public class ProfilesResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    ProfileDesk profiles;

    @Inject
    Searches searches;

    @GET
    @RolesAllowed(MEMBER)
    @Operation(
            summary = "Search professionals: words, filters, facet counts; premium professionals first by relevance"
                    + " (marked featured); or by rating, rate or newest (paged)")
    public Searches.Results<Views.ProfileView> search(
            @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("category") String category,
            @QueryParam("skill") List<String> skills,
            @QueryParam("currency") @Pattern(regexp = "[a-z]{3}") String currency,
            @QueryParam("rateMin") @PositiveOrZero Long rateMin,
            @QueryParam("rateMax") @PositiveOrZero Long rateMax,
            @QueryParam("timeZone") @Size(max = 60) String timeZone,
            @QueryParam("location") @Size(max = 100) String location,
            @QueryParam("minRating") @DecimalMin("1") @DecimalMax("5") Double minRating,
            @QueryParam("availability") @OneOf(Availability.class) String availability,
            @QueryParam("sort") @OneOf(MarketplaceSearch.ProfessionalOrder.class) String sort,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return searches.professionals(
                new Searches.ProfessionalQuery(
                        q,
                        category,
                        skills,
                        currency,
                        rateMin,
                        rateMax,
                        timeZone,
                        location,
                        minRating,
                        MarketplaceRequests.enumOrNull(Availability.class, availability)),
                sort == null
                        ? MarketplaceSearch.ProfessionalOrder.RELEVANCE
                        : MarketplaceRequests.enumOrNull(MarketplaceSearch.ProfessionalOrder.class, sort),
                PageRequest.of(page, size));
    }

    @GET
    @Path("/me")
    @RolesAllowed(MEMBER)
    @Operation(summary = "The caller's own professional profile")
    public Views.ProfileView mine() {
        return profiles.mine();
    }

    @PUT
    @Path("/me")
    @RolesAllowed(PROFESSIONAL)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or change the caller's profile (professionals); parts left out stay")
    public Views.ProfileView save(@NotNull @Valid MarketplaceRequests.ProfileBody body) {
        return profiles.save(body.details(), body.skills());
    }

    @POST
    @Path("/me/portfolio")
    @RolesAllowed(PROFESSIONAL)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a portfolio item (professionals), with an uploaded medium and/or a link")
    public Response addPortfolioItem(@NotNull @Valid MarketplaceRequests.PortfolioItemBody body, @Context UriInfo uri) {
        Views.PortfolioItemView item =
                profiles.addPortfolioItem(body.title(), body.description(), body.mediaId(), body.link());
        return Responses.created(uri, item.id(), item);
    }

    @DELETE
    @Path("/me/portfolio/{itemId}")
    @RolesAllowed(PROFESSIONAL)
    @Operation(summary = "Remove a portfolio item (and its medium)")
    public Response removePortfolioItem(@PathParam("itemId") UUID itemId) {
        profiles.removePortfolioItem(itemId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{memberId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "A professional's profile")
    public Views.ProfileView get(@PathParam("memberId") UUID memberId) {
        return profiles.get(memberId);
    }

    @GET
    @Path("/clients/{memberId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "A client's hiring record: jobs posted, hires, what they paid through the marketplace")
    public ProfileDesk.ClientRecord client(@PathParam("memberId") UUID memberId) {
        return profiles.client(memberId);
    }
}
