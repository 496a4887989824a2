package dev.atrium.marketplace.api;

import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.marketplace.application.ContractDesk;
import dev.atrium.marketplace.application.DisputeDesk;
import dev.atrium.marketplace.application.Views;
import dev.atrium.marketplace.domain.ContractStatus;
import dev.atrium.platform.api.EntityTags;
import dev.atrium.platform.api.EnumIds;
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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/**
 * Contracts and their milestones: funding into escrow, submitting work, approving (the money is released), asking for
 * changes, giving money back, disputing; pausing, resuming and ending.
 */
@Path("/t/{tenant}/api/v1/marketplace/contracts")
@TenantApi(TenantModule.MARKETPLACE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketplace: contracts")
public class ContractsResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    ContractDesk contracts;

    @Inject
    DisputeDesk disputes;

    @GET
    @RolesAllowed(MEMBER)
    @Operation(summary = "The caller's contracts (paged); admins: those that lost a party with needingAdmin=true")
    public Page<Views.ContractView> list(
            @QueryParam("status") String status,
            @QueryParam("needingAdmin") boolean needingAdmin,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return contracts.list(
                status == null ? null : EnumIds.fromId(ContractStatus.class, status, "contract status"),
                needingAdmin,
                PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "One contract with its milestones (its parties, admins)")
    public Views.ContractView get(@PathParam("id") UUID id) {
        return contracts.get(id);
    }

    @POST
    @Path("/{id}/milestones")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a milestone (the client)")
    public Response addMilestone(
            @PathParam("id") UUID id, @NotNull @Valid MarketplaceRequests.MilestonePlan body, @Context UriInfo uri) {
        Views.MilestoneView milestone = contracts.addMilestone(id, body.title(), body.amount(), body.dueDate());
        return Responses.created(uri, milestone.id(), milestone, milestone.version());
    }

    @PATCH
    @Path("/{id}/milestones/{milestoneId}")
    @RolesAllowed(MEMBER)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a milestone before it is funded (the client); requires If-Match")
    public Response reviseMilestone(
            @PathParam("id") UUID id,
            @PathParam("milestoneId") UUID milestoneId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid MarketplaceRequests.MilestoneChanges body) {
        Views.MilestoneView milestone = contracts.reviseMilestone(
                id,
                milestoneId,
                EntityTags.required(ifMatch, "milestone " + milestoneId),
                body.title(),
                body.amount(),
                body.dueDate());
        return Responses.tagged(milestone, milestone.version());
    }

    @DELETE
    @Path("/{id}/milestones/{milestoneId}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Cancel a milestone that was never funded (the client)")
    public Views.MilestoneView cancelMilestone(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId) {
        return contracts.cancelMilestone(id, milestoneId);
    }

    @POST
    @Path("/{id}/milestones/{milestoneId}/fund")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Pay a milestone into escrow (the client): answers the payment provider's Checkout page; the"
                    + " milestone is funded when the provider confirms the payment")
    public Views.FundingView fund(
            @PathParam("id") UUID id,
            @PathParam("milestoneId") UUID milestoneId,
            @Valid MarketplaceRequests.Funding body) {
        return contracts.fund(id, milestoneId, body == null ? null : body.returnUrl());
    }

    @POST
    @Path("/{id}/milestones/{milestoneId}/submissions")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit work for a funded milestone (the professional)")
    public Response submit(
            @PathParam("id") UUID id,
            @PathParam("milestoneId") UUID milestoneId,
            @NotNull @Valid MarketplaceRequests.WorkSubmitted body,
            @Context UriInfo uri) {
        Views.SubmissionView submission = contracts.submit(id, milestoneId, body.message(), body.attachments());
        return Responses.created(uri, submission.id(), submission);
    }

    @GET
    @Path("/{id}/milestones/{milestoneId}/submissions")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Work submitted for a milestone and the answers, newest first")
    public List<Views.SubmissionView> submissions(
            @PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId) {
        return contracts.submissions(id, milestoneId);
    }

    @POST
    @Path("/{id}/milestones/{milestoneId}/approve")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Approve submitted work (the client): its money is released to the professional")
    public Views.MilestoneView approve(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId) {
        return contracts.approve(id, milestoneId);
    }

    @POST
    @Path("/{id}/milestones/{milestoneId}/request-changes")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for changes to submitted work (the client)")
    public Views.MilestoneView requestChanges(
            @PathParam("id") UUID id,
            @PathParam("milestoneId") UUID milestoneId,
            @Valid MarketplaceRequests.Note body) {
        return contracts.requestChanges(id, milestoneId, body == null ? null : body.note());
    }

    @POST
    @Path("/{id}/milestones/{milestoneId}/refund")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Give the client's money for a milestone back (the professional)")
    public Views.MilestoneView refund(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId) {
        return contracts.refund(id, milestoneId);
    }

    @POST
    @Path("/{id}/milestones/{milestoneId}/disputes")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dispute a funded milestone (either party): its money stays held until an admin decides")
    public Response dispute(
            @PathParam("id") UUID id,
            @PathParam("milestoneId") UUID milestoneId,
            @NotNull @Valid MarketplaceRequests.DisputeBody body,
            @Context UriInfo uri) {
        Views.DisputeView dispute = disputes.open(id, milestoneId, body.reason());
        return Response.created(uri.getBaseUriBuilder()
                        .path("t/{tenant}/api/v1/marketplace/disputes/{id}")
                        .build(tenant, dispute.id()))
                .entity(dispute)
                .build();
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Pause the contract (the client): no milestone is funded meanwhile")
    public Views.ContractView pause(@PathParam("id") UUID id) {
        return contracts.pause(id);
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Resume a paused contract (the client)")
    public Views.ContractView resume(@PathParam("id") UUID id) {
        return contracts.resume(id);
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End the contract (either party) once no money is held in it")
    public Views.ContractView end(@PathParam("id") UUID id, @Valid MarketplaceRequests.Ending body) {
        return contracts.end(id, body == null ? null : body.reason());
    }
}
