package dev.atrium.marketplace.api;

import static dev.atrium.platform.security.Roles.ADMIN;
import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.marketplace.application.ReviewDesk;
import dev.atrium.marketplace.application.ReviewViews;
import dev.atrium.marketplace.domain.Contract;
import dev.atrium.platform.api.EnumIds;
import dev.atrium.platform.api.Responses;
import dev.atrium.platform.errors.InvalidParameterException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
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

/**
 * Reviews after a contract: the parties review each other (double-blind until both wrote or 14 days passed), members
 * read a member's published reviews and reputation, the reviewed party replies, the tenant's admins hide and show.
 */
@Path("/t/{tenant}/api/v1/marketplace/reviews")
@TenantApi(TenantModule.MARKETPLACE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketplace: reviews")
public class ReviewsResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    ReviewDesk reviews;

    @GET
    @RolesAllowed(MEMBER)
    @Operation(
            summary = "A member's published reviews, newest first (paged); reviewed=professional or client for one"
                    + " side; admins also see hidden ones")
    public Page<ReviewViews.ReviewView> about(
            @QueryParam("about") UUID about,
            @QueryParam("reviewed") String reviewed,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return reviews.about(
                required(about),
                reviewed == null ? null : EnumIds.fromId(Contract.Party.class, reviewed, "reviewed side"),
                PageRequest.of(page, size));
    }

    @GET
    @Path("/summary")
    @RolesAllowed(MEMBER)
    @Operation(
            summary =
                    "A member's reputation from reviews: averages overall and per criterion as a professional and as a"
                            + " client, and the clients' private feedback in totals")
    public ReviewViews.ReviewSummary summary(@QueryParam("about") UUID about) {
        return reviews.summary(required(about));
    }

    @GET
    @Path("/pending")
    @RolesAllowed(MEMBER)
    @Operation(summary = "The reviews the caller still owes for their ended contracts, closing first")
    public Page<ReviewViews.PendingReview> pending(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return reviews.pending(PageRequest.of(page, size));
    }

    @POST
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Review the other party of an ended contract (its parties, once, within 14 days); sealed until"
                    + " both have written or the 14 days are over")
    public Response write(@NotNull @Valid ReviewRequests.ReviewBody body, @Context UriInfo uri) {
        ReviewViews.ReviewView review =
                reviews.write(body.contractId(), body.overall(), body.criteria(), body.text(), body.feedback());
        return Responses.created(uri, review.id(), review, review.version());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "One review: published (members), sealed (its author), hidden (admins)")
    public ReviewViews.ReviewView get(@PathParam("id") UUID id) {
        return reviews.get(id);
    }

    @POST
    @Path("/{id}/reply")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reply to a published review of you (once)")
    public ReviewViews.ReviewView reply(@PathParam("id") UUID id, @NotNull @Valid ReviewRequests.Reply body) {
        return reviews.reply(id, body.text());
    }

    @POST
    @Path("/{id}/hide")
    @RolesAllowed(ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hide a review that breaks the rules (admins), with the reason; recorded in the audit log")
    public ReviewViews.ReviewView hide(@PathParam("id") UUID id, @NotNull @Valid ReviewRequests.Hiding body) {
        return reviews.hide(id, body.reason());
    }

    @POST
    @Path("/{id}/unhide")
    @RolesAllowed(ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Show a hidden review again (admins); recorded in the audit log")
    public ReviewViews.ReviewView unhide(@PathParam("id") UUID id, @Valid ReviewRequests.Unhiding body) {
        return reviews.unhide(id, body == null ? null : body.note());
    }

    private static UUID required(UUID about) {
        if (about == null) {
            throw new InvalidParameterException("about", "the member whose reviews to read is required");
        }
        return about;
    }
}
