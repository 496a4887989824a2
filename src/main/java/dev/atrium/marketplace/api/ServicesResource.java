package dev.atrium.marketplace.api;

import static dev.atrium.platform.security.Roles.ADMIN;
import static dev.atrium.platform.security.Roles.CLIENT;
import static dev.atrium.platform.security.Roles.MEMBER;
import static dev.atrium.platform.security.Roles.PROFESSIONAL;

import dev.atrium.marketplace.application.ServiceDesk;
import dev.atrium.marketplace.application.ServiceOrders;
import dev.atrium.marketplace.application.ServiceViews;
import dev.atrium.marketplace.application.Views;
import dev.atrium.marketplace.domain.ServiceStatus;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Professionals' services (Fiverr style): offered in up to three tiers, published, paused, archived; browsed by
 * members; ordered by clients, which makes a contract.
 */
@Path("/t/{tenant}/api/v1/marketplace/services")
@TenantApi(TenantModule.MARKETPLACE)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Marketplace: services")
public class ServicesResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    ServiceDesk services;

    @Inject
    ServiceOrders orders;

    @POST
    @RolesAllowed(PROFESSIONAL)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Offer a service (professionals): a draft, or listed at once with publish=true")
    public Response create(@NotNull @Valid ServiceRequests.ServiceBody body, @Context UriInfo uri) {
        ServiceViews.ServiceView service = services.create(body.terms(), Boolean.TRUE.equals(body.publish()));
        return Responses.created(uri, service.id(), service, service.version());
    }

    @GET
    @RolesAllowed(MEMBER)
    @Operation(
            summary = "Browse active services (paged): text (full-text, ranked), category, skill, professional,"
                    + " price range and delivery time (a tier matching both), sorted by relevance, newest or price")
    public Page<ServiceViews.ServiceView> browse(
            @QueryParam("q") String text,
            @QueryParam("category") String category,
            @QueryParam("skill") String skill,
            @QueryParam("professional") UUID professional,
            @Parameter(description = "The prices' currency; needed with a price range or sort=price")
                    @QueryParam("currency")
                    String currency,
            @QueryParam("minPrice") Long minPrice,
            @QueryParam("maxPrice") Long maxPrice,
            @QueryParam("maxDeliveryDays") Integer maxDeliveryDays,
            @Parameter(description = "relevance (with q; the default then), newest (the default otherwise), price")
                    @QueryParam("sort")
                    String sort,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return services.browse(
                new ServiceDesk.Filter(
                        text,
                        category,
                        skill,
                        professional,
                        currency,
                        minPrice,
                        maxPrice,
                        maxDeliveryDays,
                        sort == null ? null : EnumIds.fromId(ServiceDesk.Sort.class, sort, "sort")),
                PageRequest.of(page, size));
    }

    @GET
    @Path("/mine")
    @RolesAllowed(MEMBER)
    @Operation(summary = "The caller's own services, any status (paged)")
    public Page<ServiceViews.ServiceView> mine(
            @QueryParam("status") String status, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return services.mine(
                status == null ? null : EnumIds.fromId(ServiceStatus.class, status, "service status"),
                PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "One service, with its ETag")
    public Response get(@PathParam("id") UUID id) {
        ServiceViews.ServiceView service = services.get(id);
        return Responses.tagged(service, service.version());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change a service that is not archived (its professional); requires If-Match")
    public Response revise(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ServiceRequests.ServiceBody body) {
        ServiceViews.ServiceView service =
                services.revise(id, EntityTags.required(ifMatch, "service " + id), body.terms());
        return Responses.tagged(service, service.version());
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(MEMBER)
    @Operation(summary = "List a draft or paused service and open it to orders (its professional)")
    public ServiceViews.ServiceView publish(@PathParam("id") UUID id) {
        return services.publish(id);
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Take an active service off the listings and stop its orders (its professional)")
    public ServiceViews.ServiceView pause(@PathParam("id") UUID id) {
        return services.pause(id);
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Archive a service for good (its professional); contracts from its orders go on")
    public ServiceViews.ServiceView archive(@PathParam("id") UUID id) {
        return services.archive(id);
    }

    @POST
    @Path("/{id}/orders")
    @RolesAllowed({CLIENT, ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Order a tier of an active service (clients), answering its questions: a contract with one"
                    + " milestone for the tier's price, to fund into escrow")
    public Response order(
            @PathParam("id") UUID id, @NotNull @Valid ServiceRequests.OrderBody body, @Context UriInfo uri) {
        Views.ContractView contract = orders.order(id, body.level(), body.answers());
        return Response.created(uri.getBaseUriBuilder()
                        .path("t/{tenant}/api/v1/marketplace/contracts/{id}")
                        .build(tenant, contract.id()))
                .entity(contract)
                .build();
    }

    @GET
    @Path("/{id}/orders")
    @RolesAllowed(MEMBER)
    @Operation(
            summary = "The service's orders with the clients' answers (paged, newest first): all of them for its"
                    + " professional and admins, their own for anyone else")
    public Page<ServiceViews.OrderView> orders(
            @PathParam("id") UUID id, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return orders.orders(id, PageRequest.of(page, size));
    }
}
