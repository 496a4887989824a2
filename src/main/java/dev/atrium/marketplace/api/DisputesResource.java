package dev.atrium.marketplace.api;

import static dev.atrium.platform.security.Roles.ADMIN;
import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.marketplace.application.DisputeDesk;
import dev.atrium.marketplace.application.Views;
import dev.atrium.marketplace.domain.Dispute;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's disputes over milestones: listed and decided by its admins, read by the contract's parties. */
@Path("/t/{tenant}/api/v1/marketplace/disputes")
@TenantApi(TenantModule.MARKETPLACE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketplace: disputes")
public class DisputesResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    DisputeDesk disputes;

    @GET
    @RolesAllowed(ADMIN)
    @Operation(summary = "The tenant's disputes, oldest first (admins); open ones with status=open")
    public Page<Views.DisputeView> list(
            @QueryParam("status") String status, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return disputes.list(
                status == null ? null : EnumIds.fromId(Dispute.Status.class, status, "dispute status"),
                PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "One dispute (admins, the contract's parties)")
    public Views.DisputeView get(@PathParam("id") UUID id) {
        return disputes.get(id);
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide a dispute (admins): refund the client, release to the professional, or split")
    public Views.DisputeView decide(@PathParam("id") UUID id, @NotNull @Valid MarketplaceRequests.Decision body) {
        return disputes.decide(id, body.value(), body.released(), body.note());
    }
}
