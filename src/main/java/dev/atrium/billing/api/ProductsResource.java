package dev.atrium.billing.api;

import static dev.atrium.platform.security.Roles.ADMIN;
import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.billing.application.Catalogue;
import dev.atrium.billing.application.MemberCheckout;
import dev.atrium.billing.application.ProductView;
import dev.atrium.billing.domain.BillingInterval;
import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.platform.api.EntityTags;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the tenant sells its members: premium memberships its admins define, items other modules offer (courses,
 * tickets), and the Checkout a member starts to buy one.
 */
@Path("/t/{tenant}/api/v1/billing/products")
@TenantApi(TenantModule.BILLING)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Billing: products")
public class ProductsResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    Catalogue catalogue;

    @Inject
    MemberCheckout checkout;

    @Context
    UriInfo uri;

    /**
     * A premium membership ({@code priceMonth} and/or {@code priceYear}) or an item bought once ({@code priceOnce});
     * prices in minor units of the currency (990 = 9.90).
     */
    public record NewProduct(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 2000) String description,

            @NotNull @Pattern(regexp = "[a-z]{3}", message = "must be an ISO 4217 code in lower case, e.g. eur")
            String currency,

            @Positive Long priceMonth,
            @Positive Long priceYear,
            @Positive Long priceOnce,
            @Size(max = 20) Set<@NotBlank @Size(max = 120) String> entitlements) {}

    /** Changes to a product; a part left out stays as it is. */
    public record ProductChanges(
            @Size(min = 1, max = 120) String name,
            @Size(max = 2000) String description,
            @Positive Long priceMonth,
            @Positive Long priceYear,
            @Positive Long priceOnce,
            @Size(max = 20) Set<@NotBlank @Size(max = 120) String> entitlements,
            Boolean active) {}

    /** @param interval {@code month} or {@code year} for a membership; left out for an item */
    public record CheckoutRequest(
            @OneOf(BillingInterval.class) String interval,
            @Size(max = 2000) String returnUrl) {}

    @GET
    @RolesAllowed(MEMBER)
    @Operation(summary = "What is on sale (admins: all=true also lists withdrawn products)")
    public Page<ProductView> list(
            @QueryParam("all") Boolean all, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return catalogue.list(Boolean.TRUE.equals(all), PageRequest.of(page, size));
    }

    @POST
    @RolesAllowed(ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define a premium membership or an item (admins)")
    public Response define(@NotNull @Valid NewProduct product) {
        Catalogue.Versioned defined = catalogue.define(new Catalogue.NewProduct(
                product.name(),
                product.description(),
                product.currency(),
                product.priceMonth(),
                product.priceYear(),
                product.priceOnce(),
                product.entitlements()));
        return Responses.created(uri, defined.product().id(), defined.product(), defined.version());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "One product, with its ETag")
    public Response get(@PathParam("id") UUID id) {
        Catalogue.Versioned product = catalogue.get(id);
        return Responses.tagged(product.product(), product.version());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a product (admins); requires If-Match. New prices apply to later purchases.")
    public Response revise(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ProductChanges changes) {
        Catalogue.Versioned revised = catalogue.revise(
                id,
                EntityTags.required(ifMatch, "product " + id),
                new Catalogue.ProductChanges(
                        changes.name(),
                        changes.description(),
                        changes.priceMonth(),
                        changes.priceYear(),
                        changes.priceOnce(),
                        changes.entitlements(),
                        changes.active()));
        return Responses.tagged(revised.product(), revised.version());
    }

    @POST
    @Path("/{id}/checkout")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Buy a product: answers the payment provider's Checkout page; what it grants applies once the"
                    + " provider confirms the payment")
    public Response buy(@PathParam("id") UUID id, @Valid CheckoutRequest request) {
        PaymentProvider.HostedPage page = checkout.checkout(
                id,
                request == null || request.interval() == null ? null : BillingInterval.fromId(request.interval()),
                request == null ? null : request.returnUrl());
        return Response.created(URI.create(page.url()))
                .entity(PlanBillingResource.HostedPage.of(page))
                .build();
    }
}
