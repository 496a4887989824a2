package dev.atrium.billing.api;

import dev.atrium.billing.application.Ledger;
import dev.atrium.billing.application.LedgerView;
import dev.atrium.billing.application.PlanBilling;
import dev.atrium.billing.application.PlanSubscriptions;
import dev.atrium.billing.application.PlanView;
import dev.atrium.billing.domain.BillingInterval;
import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.security.Roles;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.application.TenantDirectory;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.tenancy.domain.TenantSlug;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's side of a tenant's money: its plan (and Checkout to sell one), and its ledger. */
@Path("/api/v1/platform/tenants/{slug}/billing")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform: billing")
public class PlatformBillingResource {

    @Inject
    TenantDirectory directory;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Ledger ledger;

    @Inject
    PlanBilling billing;

    @Inject
    PlanSubscriptions subscriptions;

    @GET
    @Path("/plan")
    @Operation(summary = "How a tenant's plan is paid (operators)")
    public PlanView plan(@PathParam("slug") String slug) {
        return subscriptions.standingOf(TenantSlug.of(slug));
    }

    @POST
    @Path("/plan/checkout")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Start Checkout for a tenant's plan, to send to whoever pays for the organisation (operators);"
                    + " the plan applies once the payment provider confirms payment")
    public Response checkout(@PathParam("slug") String slug, @NotNull @Valid PlanBillingResource.PlanCheckout request) {
        PaymentProvider.HostedPage page = billing.checkoutFor(
                TenantSlug.of(slug), request.plan(), BillingInterval.fromId(request.interval()), request.returnUrl());
        return Response.created(URI.create(page.url()))
                .entity(PlanBillingResource.HostedPage.of(page))
                .build();
    }

    @GET
    @Path("/ledger")
    @Operation(summary = "A tenant's ledger, newest first, with each kind's totals (operators)")
    public LedgerView ledger(
            @PathParam("slug") String slug, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        TenantRef tenant = directory.ref(TenantSlug.of(slug));
        if (!tenant.status().hasWorkingSchema()) {
            throw new ResourceNotFoundException("Tenant '" + slug + "' has no data any more.");
        }
        return currentTenant.runAs(tenant, () -> ledger.read(request));
    }
}
