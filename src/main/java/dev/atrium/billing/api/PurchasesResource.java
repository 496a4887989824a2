package dev.atrium.billing.api;

import static dev.atrium.platform.security.Roles.ADMIN;
import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.billing.application.Ledger;
import dev.atrium.billing.application.LedgerView;
import dev.atrium.billing.application.MemberCheckout;
import dev.atrium.billing.application.MemberPurchases;
import dev.atrium.billing.application.MembershipView;
import dev.atrium.billing.application.PurchaseView;
import dev.atrium.billing.application.ReceiptView;
import dev.atrium.billing.application.Receipts;
import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import dev.atrium.platform.tenancy.domain.TenantModule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What members bought and what it gives them: purchases (refunded by admins), memberships (cancelled at the end of
 * their period by their member), entitlements, receipts; and the tenant's ledger for its admins.
 */
@Path("/t/{tenant}/api/v1/billing")
@TenantApi(TenantModule.BILLING)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Billing: purchases")
public class PurchasesResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    MemberPurchases purchases;

    @Inject
    MemberCheckout checkout;

    @Inject
    Receipts receipts;

    @Inject
    Ledger ledger;

    /** @param amount minor units to refund; left out, all that is left */
    public record RefundRequest(@Positive Long amount) {}

    public record RefundView(String id, String status, String currency, long amount) {}

    @GET
    @Path("/purchases")
    @RolesAllowed(MEMBER)
    @Operation(summary = "The caller's purchases (admins: member=<id> for a member's)")
    public Page<PurchaseView> purchases(
            @QueryParam("member") UUID member, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return purchases.purchases(member, PageRequest.of(page, size));
    }

    @POST
    @Path("/purchases/{id}/refund")
    @RolesAllowed(ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Refund a paid purchase in part or in full (admins); a full refund revokes what it paid for once"
                    + " the payment provider confirms it")
    public Response refund(
            @PathParam("id") UUID id,
            @Valid RefundRequest request,
            @Parameter(
                            description = "A key of the caller's for this refund: repeating the request with it (after"
                                    + " a timeout, say) never refunds twice")
                    @HeaderParam("Idempotency-Key")
                    @Pattern(regexp = "[A-Za-z0-9_-]{1,100}", message = "must be 1-100 letters, digits, - or _")
                    String idempotencyKey) {
        PaymentProvider.RefundState refund =
                checkout.refund(id, request == null ? null : request.amount(), idempotencyKey);
        return Response.accepted(new RefundView(
                        refund.id(),
                        refund.status(),
                        refund.amount().currency(),
                        refund.amount().minor()))
                .build();
    }

    @GET
    @Path("/memberships")
    @RolesAllowed(MEMBER)
    @Operation(summary = "The caller's memberships (admins: member=<id> for a member's)")
    public Page<MembershipView> memberships(
            @QueryParam("member") UUID member, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return purchases.memberships(member, PageRequest.of(page, size));
    }

    @POST
    @Path("/memberships/{id}/refund")
    @RolesAllowed(ADMIN)
    @Operation(
            summary = "End a membership now and refund its current period in full (admins); its entitlements go once"
                    + " the payment provider confirms")
    public Response refundMembership(@PathParam("id") UUID id) {
        PaymentProvider.RefundState refund = checkout.endAndRefund(id);
        return Response.accepted(new RefundView(
                        refund.id(),
                        refund.status(),
                        refund.amount().currency(),
                        refund.amount().minor()))
                .build();
    }

    @POST
    @Path("/memberships/{id}/cancel")
    @RolesAllowed(MEMBER)
    @Operation(summary = "End a membership at the end of its period (its member, or an admin)")
    public MembershipView cancel(@PathParam("id") UUID id) {
        return checkout.cancelAtPeriodEnd(id, true);
    }

    @POST
    @Path("/memberships/{id}/resume")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Keep a membership that was to end at the end of its period")
    public MembershipView resume(@PathParam("id") UUID id) {
        return checkout.cancelAtPeriodEnd(id, false);
    }

    @GET
    @Path("/entitlements")
    @RolesAllowed(MEMBER)
    @Operation(summary = "What the caller's payments entitle them to now")
    public Map<String, List<String>> entitlements() {
        return Map.of(
                "entitlements", purchases.myEntitlements().stream().sorted().toList());
    }

    @GET
    @Path("/receipts")
    @RolesAllowed(MEMBER)
    @Operation(summary = "The caller's receipts, newest first")
    public Page<ReceiptView> receipts(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return receipts.mine(PageRequest.of(page, size));
    }

    @GET
    @Path("/receipts/{id}/pdf")
    @RolesAllowed(MEMBER)
    @Produces("application/pdf")
    @Operation(summary = "A receipt as a PDF (its member, or an admin)")
    public Response receipt(@PathParam("id") UUID id) {
        return Response.ok(receipts.pdf(id))
                .header("Content-Disposition", "attachment; filename=\"receipt.pdf\"")
                .build();
    }

    @GET
    @Path("/ledger")
    @RolesAllowed(ADMIN)
    @Operation(summary = "The tenant's ledger: every money movement and whose part is whose, newest first (admins)")
    public LedgerView ledger(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return ledger.read(PageRequest.of(page, size));
    }
}
