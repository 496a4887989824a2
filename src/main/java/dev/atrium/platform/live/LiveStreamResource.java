package dev.atrium.platform.live;

import dev.atrium.platform.errors.InvalidParameterException;
import dev.atrium.platform.security.Roles;
import dev.atrium.platform.tenancy.api.TenantApi;
import dev.atrium.platform.tenancy.api.TenantBindingFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Consumer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The same live events as the socket, as Server-Sent Events, for clients that cannot hold a WebSocket. The request is
 * an ordinary tenant API call (bearer token in the header, the tenant gate); each event carries its {@code id}, so a
 * client that reconnects with {@code Last-Event-ID} resumes. The stream ends when the token expires: the client
 * reconnects with a fresh one.
 */
@Path("/t/{tenant}/api/v1/live")
@TenantApi
@RequestScoped
@Tag(name = "Tenant: live events")
public class LiveStreamResource {

    @PathParam(TenantBindingFilter.TENANT_PARAMETER)
    @Parameter(description = "The tenant's slug")
    String tenant;

    @Inject
    LiveConnections connections;

    @Inject
    LiveGate gate;

    @Inject
    JsonWebToken token;

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed(Roles.MEMBER)
    @Operation(summary = "The member's live events as a Server-Sent Events stream; resumes after Last-Event-ID")
    public void stream(
            @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("after") String after,
            @Context SseEventSink sink,
            @Context Sse sse)
            throws SQLException {
        LiveGate.Admitted admitted = gate.admitted();
        if (!admitted.tenant().status().acceptsWrites()) {
            // As the socket: a suspended tenant's connections were ended, and none opens until it is resumed.
            throw new dev.atrium.platform.errors.ForbiddenException(
                    "tenant-suspended",
                    "Tenant suspended",
                    "Live events of tenant '" + tenant + "' resume when the platform operator resumes it.");
        }
        Long resumeAfter = position(lastEventId != null ? lastEventId : after);
        StreamSession session =
                new StreamSession(admitted, sink, sse, Instant.ofEpochSecond(token.getExpirationTime()));
        connections.open(session, resumeAfter);
        connections.expireWithToken(session);
        try {
            // Asked again, in a transaction of its own: a removal or suspension that committed between the admission
            // above and the registration was announced to nobody holding this stream.
            gate.admitted();
        } catch (dev.atrium.platform.errors.AtriumException refused) {
            session.closeWith(LiveConnections.closeFor(refused));
        }
    }

    private static Long position(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(value.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new InvalidParameterException("Last-Event-ID", "is the id of the last event the client saw");
    }

    /** An open event stream as a live session. */
    private final class StreamSession extends LiveSession {

        private final SseEventSink sink;
        private final Sse sse;

        StreamSession(LiveGate.Admitted admitted, SseEventSink sink, Sse sse, Instant expiresAt) {
            super(admitted.tenant(), admitted.member(), null, expiresAt);
            this.sink = sink;
            this.sse = sse;
        }

        @Override
        protected void write(LiveFrame frame, Consumer<Throwable> done) {
            if (sink.isClosed()) {
                connections.close(this);
                done.accept(new IllegalStateException("stream closed by the client"));
                return;
            }
            OutboundSseEvent.Builder event = frame.isHeartbeat()
                    ? sse.newEventBuilder().comment(frame.type())
                    : sse.newEventBuilder().name(frame.type()).data(frame.json());
            if (frame.id() != null) {
                event.id(Long.toString(frame.id()));
            }
            try {
                sink.send(event.build()).whenComplete((sent, failure) -> done.accept(failure));
            } catch (RuntimeException closedMeanwhile) {
                done.accept(closedMeanwhile);
            }
        }

        @Override
        protected void close(LiveClose reason) {
            connections.close(this);
            sink.close();
        }

        @Override
        protected void broken(Throwable failure) {
            connections.close(this);
            sink.close();
        }
    }
}
