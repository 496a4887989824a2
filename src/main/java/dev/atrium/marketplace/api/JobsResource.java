package dev.atrium.marketplace.api;

import static dev.atrium.platform.security.Roles.ADMIN;
import static dev.atrium.platform.security.Roles.CLIENT;
import static dev.atrium.platform.security.Roles.MEMBER;
import static dev.atrium.platform.security.Roles.PROFESSIONAL;

import dev.atrium.marketplace.application.JobBoard;
import dev.atrium.marketplace.application.Matches;
import dev.atrium.marketplace.application.ProposalDesk;
import dev.atrium.marketplace.application.Searches;
import dev.atrium.marketplace.application.Views;
import dev.atrium.marketplace.domain.ExperienceLevel;
import dev.atrium.marketplace.domain.JobStatus;
import dev.atrium.marketplace.domain.Pricing;
import dev.atrium.marketplace.domain.ProposalStatus;
import dev.atrium.marketplace.infrastructure.MarketplaceSearch;
import dev.atrium.platform.api.EntityTags;
import dev.atrium.platform.api.EnumIds;
import dev.atrium.platform.api.OneOf;
import dev.atrium.platform.api.Responses;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Clients' jobs: posted, changed, published, closed, cancelled; searched by professionals; their proposals. */
@Path("/t/{tenant}/api/v1/marketplace/jobs")
@TenantApi(TenantModule.MARKETPLACE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketplace: jobs")
public class JobsResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    JobBoard jobs;

    @Inject
    ProposalDesk proposals;

    @Inject
    Searches searches;

    @Inject
    Matches matches;

    @POST
    @RolesAllowed({CLIENT, ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a job (clients): a draft, or open at once with publish=true")
    public Response create(@NotNull @Valid MarketplaceRequests.JobBody body, @Context UriInfo uri) {
        Views.JobView job = jobs.create(body.terms(), Boolean.TRUE.equals(body.publish()));
        return Responses.created(uri, job.id(), job, job.version());
    }

    @GET
    @RolesAllowed(MEMBER)
    @Operation(
            summary = "Search open jobs: words (quoted phrases, or, -word), filters, facet counts; by relevance,"
                    + " newest or budget (paged)")
    public Searches.Results<Views.JobView> search(
            @QueryParam("q") @Size(max = 200) String q,
            @QueryParam("category") String category,
            @QueryParam("skill") List<String> skills,
            @QueryParam("pricing") @OneOf(Pricing.class) String pricing,
            @QueryParam("currency") @Pattern(regexp = "[a-z]{3}") String currency,
            @QueryParam("budgetMin") @PositiveOrZero Long budgetMin,
            @QueryParam("budgetMax") @PositiveOrZero Long budgetMax,
            @QueryParam("experience") @OneOf(ExperienceLevel.class) String experience,
            @QueryParam("sort") @OneOf(MarketplaceSearch.JobOrder.class) String sort,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return searches.jobs(
                new Searches.JobQuery(
                        q,
                        category,
                        skills,
                        MarketplaceRequests.enumOrNull(Pricing.class, pricing),
                        currency,
                        budgetMin,
                        budgetMax,
                        MarketplaceRequests.enumOrNull(ExperienceLevel.class, experience)),
                sort == null
                        ? MarketplaceSearch.JobOrder.RELEVANCE
                        : MarketplaceRequests.enumOrNull(MarketplaceSearch.JobOrder.class, sort),
                PageRequest.of(page, size));
    }

    @GET
    @Path("/for-me")
    @RolesAllowed(PROFESSIONAL)
    @Operation(summary = "Open jobs matched to the caller's profile, best first, with the parts of each score")
    public List<Matches.Ranked<Views.JobView>> forMe(@QueryParam("limit") @DefaultValue("20") int limit) {
        return matches.jobsForMe(limit);
    }

    @GET
    @Path("/{id}/professionals")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Professionals matched to the job (its client), best first, with the parts of each score")
    public List<Matches.Ranked<Views.ProfileView>> professionals(
            @PathParam("id") UUID id, @QueryParam("limit") @DefaultValue("20") int limit) {
        return matches.professionalsFor(id, limit);
    }

    @GET
    @Path("/mine")
    @RolesAllowed(MEMBER)
    @Operation(summary = "The caller's own jobs, any status (paged)")
    public Page<Views.JobView> mine(
            @QueryParam("status") String status, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return jobs.mine(
                status == null ? null : EnumIds.fromId(JobStatus.class, status, "job status"),
                PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "One job, with its ETag")
    public Response get(@PathParam("id") UUID id) {
        Views.JobView job = jobs.get(id);
        return Responses.tagged(job, job.version());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a draft or open job (its client); requires If-Match")
    public Response revise(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid MarketplaceRequests.JobBody body) {
        Views.JobView job = jobs.revise(id, EntityTags.required(ifMatch, "job " + id), body.terms());
        return Responses.tagged(job, job.version());
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Open a draft (or a closed job) to proposals (its client)")
    public Views.JobView publish(@PathParam("id") UUID id) {
        return jobs.publish(id);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Stop taking proposals (its client); those received can still be hired")
    public Views.JobView close(@PathParam("id") UUID id) {
        return jobs.close(id);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Cancel the job (its client); open proposals are declined")
    public Views.JobView cancel(@PathParam("id") UUID id) {
        return jobs.cancel(id);
    }

    @POST
    @Path("/{id}/invitations")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a professional to propose (its client)")
    public Response invite(@PathParam("id") UUID id, @NotNull @Valid MarketplaceRequests.Invitation body) {
        jobs.invite(id, body.professionalId(), body.message());
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/proposals")
    @RolesAllowed(PROFESSIONAL)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a proposal on the job (professionals; one each, within the monthly allowance)")
    public Response propose(
            @PathParam("id") UUID id, @NotNull @Valid MarketplaceRequests.ProposalBody body, @Context UriInfo uri) {
        Views.ProposalView proposal = proposals.submit(id, body.terms());
        return Response.created(uri.getBaseUriBuilder()
                        .path("t/{tenant}/api/v1/marketplace/proposals/{id}")
                        .build(tenant, proposal.id()))
                .entity(proposal)
                .build();
    }

    @GET
    @Path("/{id}/proposals")
    @RolesAllowed(MEMBER)
    @Operation(summary = "The job's proposals (its client), newest first; archived ones with archived=true")
    public Page<Views.ProposalView> proposals(
            @PathParam("id") UUID id,
            @QueryParam("status") String status,
            @QueryParam("archived") boolean archived,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return proposals.forJob(
                id,
                status == null ? null : EnumIds.fromId(ProposalStatus.class, status, "proposal status"),
                archived,
                PageRequest.of(page, size));
    }
}
