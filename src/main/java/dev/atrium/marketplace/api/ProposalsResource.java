package dev.atrium.marketplace.api;

import static dev.atrium.platform.security.Roles.MEMBER;
import static dev.atrium.platform.security.Roles.PROFESSIONAL;

import dev.atrium.marketplace.application.ProposalDesk;
import dev.atrium.marketplace.application.Views;
import dev.atrium.marketplace.domain.ProposalStatus;
import dev.atrium.platform.api.EnumIds;
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

/** Proposals: the professional's own (revise, withdraw), the job client's decisions (shortlist, decline, hire). */
@Path("/t/{tenant}/api/v1/marketplace/proposals")
@TenantApi(TenantModule.MARKETPLACE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketplace: proposals")
public class ProposalsResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    ProposalDesk proposals;

    @GET
    @RolesAllowed(MEMBER)
    @Operation(summary = "The caller's own proposals, newest first (paged)")
    public Page<Views.ProposalView> mine(
            @QueryParam("status") String status, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return proposals.mine(
                status == null ? null : EnumIds.fromId(ProposalStatus.class, status, "proposal status"),
                PageRequest.of(page, size));
    }

    @GET
    @Path("/allowance")
    @RolesAllowed(PROFESSIONAL)
    @Operation(summary = "How many proposals the caller has sent this month, and may send")
    public Views.AllowanceView allowance() {
        return proposals.myAllowance();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "One proposal (its professional, the job's client, admins)")
    public Views.ProposalView get(@PathParam("id") UUID id) {
        return proposals.get(id);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Revise an open proposal (its professional)")
    public Views.ProposalView revise(@PathParam("id") UUID id, @NotNull @Valid MarketplaceRequests.ProposalBody body) {
        return proposals.revise(id, body.terms());
    }

    @POST
    @Path("/{id}/withdraw")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Withdraw an open proposal (its professional)")
    public Views.ProposalView withdraw(@PathParam("id") UUID id) {
        return proposals.withdraw(id);
    }

    @POST
    @Path("/{id}/shortlist")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Shortlist a proposal (the job's client)")
    public Views.ProposalView shortlist(@PathParam("id") UUID id) {
        return proposals.shortlist(id);
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decline a proposal, with an optional reason (the job's client)")
    public Views.ProposalView decline(@PathParam("id") UUID id, @Valid MarketplaceRequests.Decline body) {
        return proposals.decline(id, body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Hide a proposal from the job's list (the job's client)")
    public Views.ProposalView archive(@PathParam("id") UUID id) {
        return proposals.archive(id, true);
    }

    @POST
    @Path("/{id}/unarchive")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Show an archived proposal again (the job's client)")
    public Views.ProposalView unarchive(@PathParam("id") UUID id) {
        return proposals.archive(id, false);
    }

    @POST
    @Path("/{id}/hire")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Hire the proposal's professional (the job's client): a contract with its first milestones, or"
                    + " on an hourly job one paid by the hour at the bid, with the weekly limit weeklyLimitHours")
    public Response hire(@PathParam("id") UUID id, @Valid MarketplaceRequests.Hire body, @Context UriInfo uri) {
        Views.ContractView contract = proposals.hire(
                id,
                body == null || body.milestones() == null
                        ? List.of()
                        : body.milestones().stream()
                                .map(MarketplaceRequests.MilestonePlan::planned)
                                .toList(),
                body == null ? null : body.weeklyLimitHours());
        return Response.created(uri.getBaseUriBuilder()
                        .path("t/{tenant}/api/v1/marketplace/contracts/{id}")
                        .build(tenant, contract.id()))
                .entity(contract)
                .build();
    }
}
