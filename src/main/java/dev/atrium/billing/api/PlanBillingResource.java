package dev.atrium.billing.api;

import static dev.atrium.platform.security.Roles.ADMIN;

import dev.atrium.billing.application.PlanBilling;
import dev.atrium.billing.application.PlanInvoiceView;
import dev.atrium.billing.application.PlanSubscriptions;
import dev.atrium.billing.application.PlanView;
import dev.atrium.billing.domain.BillingInterval;
import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.platform.api.OneOf;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.tenancy.api.OpenWhileSuspended;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The tenant's own plan, bought from the platform: where it stands, Checkout to buy one, the billing portal to change
 * the card, switch plans or cancel, and the invoices. Available to tenant admins whatever modules the tenant uses,
 * and, to pay what is owed, while the tenant is suspended.
 */
@Path("/t/{tenant}/api/v1/billing/plan")
@TenantApi
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenant: plan billing")
public class PlanBillingResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    PlanBilling billing;

    @Inject
    PlanSubscriptions subscriptions;

    /** @param returnUrl where the provider sends the admin back (the platform's address or a tenant domain) */
    public record PlanCheckout(
            @NotBlank @Size(max = 40) String plan,
            @NotNull @OneOf(BillingInterval.class) String interval,
            @Size(max = 2000) String returnUrl) {}

    public record PortalRequest(@Size(max = 2000) String returnUrl) {}

    /** A page at the payment provider to send the admin's browser to. */
    public record HostedPage(String id, String url) {

        static HostedPage of(PaymentProvider.HostedPage page) {
            return new HostedPage(page.id(), page.url());
        }
    }

    @GET
    @RolesAllowed(ADMIN)
    @Operation(summary = "The tenant's plan and how its payment stands (with a notice to show when something is due)")
    public PlanView standing() {
        return subscriptions.standing();
    }

    @POST
    @Path("/checkout")
    @RolesAllowed(ADMIN)
    @OpenWhileSuspended
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start Checkout for a paid plan; the plan applies once the payment provider confirms payment")
    public Response checkout(@NotNull @Valid PlanCheckout request) {
        PaymentProvider.HostedPage page =
                billing.checkout(request.plan(), BillingInterval.fromId(request.interval()), request.returnUrl());
        return Response.created(URI.create(page.url()))
                .entity(HostedPage.of(page))
                .build();
    }

    @POST
    @Path("/portal")
    @RolesAllowed(ADMIN)
    @OpenWhileSuspended
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open the billing portal: card, plan changes, cancellation, invoices")
    public Response portal(@Valid PortalRequest request) {
        PaymentProvider.HostedPage page = billing.portal(request == null ? null : request.returnUrl());
        return Response.created(URI.create(page.url()))
                .entity(HostedPage.of(page))
                .build();
    }

    @GET
    @Path("/invoices")
    @RolesAllowed(ADMIN)
    @Operation(summary = "The tenant's plan invoices, newest first, with links to their documents")
    public Page<PlanInvoiceView> invoices(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return subscriptions.invoices(PageRequest.of(page, size));
    }
}
