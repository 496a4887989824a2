package dev.atrium.platform.outbox;

import dev.atrium.platform.audit.Actor;
import dev.atrium.platform.audit.AuditTrail;
import dev.atrium.platform.errors.InvalidParameterException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.outbox.OutboxStore.DeliveryView;
import dev.atrium.platform.outbox.OutboxStore.Hold;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The outbox for operators: deliveries by status, a retry for failed ones, and a hold on all delivery. */
@Path("/api/v1/platform/outbox")
@RequestScoped
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platform: outbox")
public class OutboxResource {

    private static final Set<String> STATUSES = Set.of("pending", "delivered", "failed", "discarded");

    @Inject
    OutboxStore store;

    @Inject
    AuditTrail audit;

    @Inject
    JsonWebToken token;

    @GET
    @Path("/deliveries")
    @Operation(summary = "Deliveries by status (pending, delivered, failed, discarded), newest event first")
    public Page<DeliveryView> deliveries(
            @QueryParam("status") @DefaultValue("failed") String status,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        if (!STATUSES.contains(status)) {
            throw new InvalidParameterException("status", "must be one of " + String.join(", ", STATUSES));
        }
        return store.list(status.toUpperCase(Locale.ROOT), PageRequest.of(page, size));
    }

    @POST
    @Path("/deliveries/{eventId}/{consumer}/retry")
    @Operation(summary = "Puts a failed delivery back in line, with fresh attempts")
    public void retry(@PathParam("eventId") long eventId, @PathParam("consumer") String consumer) {
        audit.record(Actor.of(token), "outbox.retry", eventId + ":" + consumer, () -> {
            if (!store.retry(eventId, consumer)) {
                throw new ResourceNotFoundException(
                        "failed-delivery-not-found",
                        "Failed delivery not found",
                        "There is no failed delivery of event " + eventId + " to " + consumer + ".");
            }
            return null;
        });
    }

    @GET
    @Path("/hold")
    @Operation(summary = "Whether delivery is held (on every replica)")
    public Hold currentHold() {
        return store.hold();
    }

    /** The request to hold or release delivery. */
    public record HoldRequest(@NotNull Boolean paused) {}

    @PUT
    @Path("/hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Holds or releases delivery on every replica",
            description = "While held, events are still written with their changes and wait; releasing delivers them"
                    + " in order. For an outage of a downstream service (the mail provider), or maintenance.")
    public Hold changeHold(@NotNull @jakarta.validation.Valid HoldRequest request) {
        Actor actor = Actor.of(token);
        return audit.record(
                actor,
                request.paused() ? "outbox.hold" : "outbox.release",
                "outbox",
                () -> store.hold(request.paused(), actor.name()));
    }
}
