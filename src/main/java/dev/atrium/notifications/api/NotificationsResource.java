package dev.atrium.notifications.api;

import static dev.atrium.platform.security.Roles.MEMBER;

import dev.atrium.notifications.NotificationKind.Channels;
import dev.atrium.notifications.NotificationKind.EmailCadence;
import dev.atrium.notifications.application.NotificationCentre;
import dev.atrium.notifications.application.NotificationCentre.PreferenceView;
import dev.atrium.notifications.application.NotificationView;
import dev.atrium.notifications.application.PushDevices;
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
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The member's notification centre, their channels per kind, and their devices for Web Push. */
@Path("/t/{tenant}/api/v1/notifications")
@TenantApi(TenantModule.NOTIFICATIONS)
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class NotificationsResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    NotificationCentre centre;

    @Inject
    PushDevices devices;

    @Context
    UriInfo uri;

    /** A kind's channels: the centre, e-mail ({@code off}, {@code immediately}, {@code daily}, {@code weekly}), push. */
    public record Choice(
            @NotNull Boolean inApp,
            @NotNull @OneOf(EmailCadence.class) String email,
            @NotNull Boolean push) {}

    /** A browser's PushSubscription, as its {@code toJSON()} gives it. */
    public record Subscription(
            @NotBlank @Size(max = 2000) String endpoint,
            @NotNull @Valid Keys keys) {

        public record Keys(
                @NotBlank @Size(max = 200) String p256dh,
                @NotBlank @Size(max = 100) String auth) {}
    }

    @GET
    @RolesAllowed(MEMBER)
    @Operation(summary = "The caller's notifications, newest first (only unread ones with unread=true)")
    public Page<NotificationView> mine(
            @QueryParam("unread") Boolean unread, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return centre.mine(Boolean.TRUE.equals(unread), PageRequest.of(page, size));
    }

    @GET
    @Path("/unread")
    @RolesAllowed(MEMBER)
    @Operation(summary = "How many of the caller's notifications are unread")
    public Map<String, Long> unread() {
        return Map.of("unread", centre.unread());
    }

    @POST
    @Path("/{id}/read")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Mark one notification read")
    public Response read(@PathParam("id") UUID id) {
        centre.markRead(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/read")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Mark all the caller's notifications read")
    public Map<String, Integer> readAll() {
        return Map.of("read", centre.markAllRead());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Delete one notification")
    public Response delete(@PathParam("id") UUID id) {
        centre.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/preferences")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Every kind of notification with the caller's channels for it (isDefault: not chosen yet)")
    public List<PreferenceView> preferences() {
        return centre.preferences();
    }

    @PUT
    @Path("/preferences/{type}")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the channels of one kind of notification")
    public PreferenceView choose(@PathParam("type") String type, @NotNull @Valid Choice choice) {
        return centre.choose(type, new Channels(choice.inApp(), EmailCadence.fromId(choice.email()), choice.push()));
    }

    @GET
    @Path("/push/key")
    @RolesAllowed(MEMBER)
    @Operation(summary = "The installation's VAPID public key, for PushManager.subscribe({applicationServerKey})")
    public Map<String, String> pushKey() {
        return Map.of("applicationServerKey", devices.applicationServerKey());
    }

    @POST
    @Path("/push/subscriptions")
    @RolesAllowed(MEMBER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe the caller's browser or device to Web Push (its PushSubscription as JSON)")
    public Response subscribe(@NotNull @Valid Subscription subscription, @HeaderParam("User-Agent") String userAgent) {
        PushDevices.Device device = devices.subscribe(
                subscription.endpoint(),
                subscription.keys().p256dh(),
                subscription.keys().auth(),
                userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 300)));
        return Responses.created(uri, device.id(), device);
    }

    @GET
    @Path("/push/subscriptions")
    @RolesAllowed(MEMBER)
    @Operation(summary = "The caller's devices subscribed to Web Push")
    public List<PushDevices.Device> devices() {
        return devices.mine();
    }

    @DELETE
    @Path("/push/subscriptions/{id}")
    @RolesAllowed(MEMBER)
    @Operation(summary = "Stop pushing to one of the caller's devices")
    public Response unsubscribe(@PathParam("id") UUID id) {
        devices.unsubscribe(id);
        return Response.noContent().build();
    }
}
