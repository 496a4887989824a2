package dev.atrium.platform.live;

import dev.atrium.platform.errors.AtriumException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.errors.TooManyRequestsException;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A member's live socket in one tenant: {@code /t/{tenant}/api/v1/live/socket}. The token travels in the first frame
 * ({@code authenticate}), never in the URL, which proxies and access logs keep; a socket that has not authenticated
 * within {@code atrium.live.authentication-timeout} is closed. docs/messaging.md describes the frames.
 */
@ServerEndpoint("/t/{tenant}/api/v1/live/socket")
@Dependent
public class LiveSocket {

    private static final Logger LOG = Logger.getLogger(LiveSocket.class.getName());

    /** Client frames are small (a token is the largest); anything larger closes the socket (1009). */
    static final int MAX_FRAME = 16_384;

    static final long SEND_TIMEOUT_MILLIS = 15_000;

    /** Commands a connection may send per second (typing indicators, mostly). */
    static final int COMMANDS_PER_SECOND = 10;

    @Inject
    LiveConnections connections;

    @Inject
    LiveHub hub;

    private Session socket;
    private TenantSlug slug;
    private volatile SocketSession live;
    private ScheduledFuture<?> authenticationDeadline;
    private long windowStart;
    private int commandsInWindow;

    @OnOpen
    public void open(Session socket, @PathParam("tenant") String tenant) {
        this.socket = socket;
        socket.setMaxIdleTimeout(0);
        socket.setMaxTextMessageBufferSize(MAX_FRAME);
        // A client that stops reading fails the write after this long, and is let go of (it resumes on return).
        socket.getAsyncRemote().setSendTimeout(SEND_TIMEOUT_MILLIS);
        try {
            slug = TenantSlug.of(tenant);
        } catch (InvalidRequestException notASlug) {
            closeUnadmitted(LiveClose.refused(404, "tenant-not-found"));
            return;
        }
        authenticationDeadline = hub.at(Instant.now().plus(connections.authenticationTimeout()), () -> {
            if (live == null) {
                closeUnadmitted(LiveClose.AUTHENTICATION_TIMEOUT);
            }
        });
    }

    @OnMessage(maxMessageSize = MAX_FRAME)
    public void message(String text) {
        if (text.length() > MAX_FRAME) {
            // Where the container lets a larger frame through, it is refused here, as the annotation says.
            LiveClose tooLarge = new LiveClose(CloseReason.CloseCodes.TOO_BIG.getCode(), "frame-too-large");
            if (live != null) {
                live.closeWith(tooLarge);
            } else {
                closeUnadmitted(tooLarge);
            }
            return;
        }
        JsonObject frame;
        try {
            frame = Json.createReader(new StringReader(text)).readObject();
        } catch (JsonException | IllegalStateException malformed) {
            reply(LiveConnections.error(new InvalidRequestException(
                    "malformed-frame", "Malformed frame", "A frame is one JSON object with a \"type\".")));
            return;
        }
        String type = frame.getString("type", "");
        try {
            switch (type) {
                case "authenticate" -> authenticate(frame);
                case "renew" -> connections.renew(admitted(), connections.verify(slug, token(frame)));
                case "ping" ->
                    reply(LiveFrame.control("pong", Json.createObjectBuilder().build()));
                default -> {
                    SocketSession session = admitted();
                    requireWithinRate();
                    connections.command(session, frame);
                }
            }
        } catch (AtriumException problem) {
            boolean refusesConnection = type.equals("authenticate") || type.equals("renew") || live == null;
            if (refusesConnection && problem.status() != 400) {
                refuse(problem);
            } else {
                reply(LiveConnections.error(problem));
            }
        } catch (RuntimeException | java.sql.SQLException unexpected) {
            LOG.log(Level.WARNING, "Live socket frame '" + type + "' failed", unexpected);
            reply(LiveFrame.control(
                    "error",
                    Json.createObjectBuilder()
                            .add("status", 500)
                            .add("title", "Unexpected failure")
                            .add("detail", "The frame could not be handled; try again.")
                            .build()));
        }
    }

    private void authenticate(JsonObject frame) throws java.sql.SQLException {
        if (live != null) {
            throw new InvalidRequestException(
                    "already-authenticated", "Already authenticated", "Send \"renew\" with a fresh token instead.");
        }
        Long after = after(frame);
        LiveConnections.Credentials credentials = connections.verify(slug, token(frame));
        LiveGate.Admitted admitted = connections.admit(credentials.access());
        SocketSession session = new SocketSession(admitted, credentials);
        live = session;
        if (authenticationDeadline != null) {
            authenticationDeadline.cancel(false);
        }
        try {
            connections.open(session, after);
            connections.expireWithToken(session);
            connections.recheck(session);
        } catch (java.sql.SQLException | RuntimeException unavailable) {
            LOG.log(Level.WARNING, "Live socket could not be opened; closing it", unavailable);
            connections.close(session);
            closeUnadmitted(new LiveClose(CloseReason.CloseCodes.TRY_AGAIN_LATER.getCode(), "try-again-later"));
        }
    }

    @OnClose
    public void closed(CloseReason reason) {
        if (authenticationDeadline != null) {
            authenticationDeadline.cancel(false);
        }
        if (live != null) {
            connections.close(live);
        }
    }

    @OnError
    public void failed(Throwable failure) {
        // Mostly a client gone without a close frame; the container closes the socket and @OnClose cleans up.
        LOG.log(Level.FINE, "Live socket error", failure);
    }

    private SocketSession admitted() {
        SocketSession session = live;
        if (session == null) {
            throw new LiveConnections.Unauthenticated(
                    "authentication-required", "Send \"authenticate\" with a token first.");
        }
        return session;
    }

    private void requireWithinRate() {
        long second = System.nanoTime() / 1_000_000_000L;
        if (second != windowStart) {
            windowStart = second;
            commandsInWindow = 0;
        }
        if (++commandsInWindow > COMMANDS_PER_SECOND) {
            throw new TooManyRequestsException(
                    "too-many-commands",
                    "Too many commands",
                    "At most " + COMMANDS_PER_SECOND + " commands a second on one connection.",
                    1);
        }
    }

    private static String token(JsonObject frame) {
        String token = frame.getString("token", null);
        if (token == null || token.isBlank()) {
            throw new LiveConnections.Unauthenticated("authentication-required", "The frame carries no \"token\".");
        }
        return token;
    }

    private static Long after(JsonObject frame) {
        if (!frame.containsKey("after") || frame.isNull("after")) {
            return null;
        }
        if (!(frame.get("after") instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 0) {
            throw new InvalidRequestException(
                    "invalid-after", "Invalid position", "\"after\" is the id of the last event the client saw.");
        }
        return number.longValue();
    }

    private void reply(LiveFrame frame) {
        SocketSession session = live;
        if (session != null) {
            session.send(frame);
            return;
        }
        try {
            synchronized (this) {
                socket.getBasicRemote().sendText(frame.json());
            }
        } catch (IOException gone) {
            LOG.log(Level.FINE, "Live socket gone before its answer", gone);
        }
    }

    /** A refused authentication or renewal: the problem, then the close. */
    private void refuse(AtriumException problem) {
        SocketSession session = live;
        LiveClose close = LiveConnections.closeFor(problem);
        if (session != null) {
            session.send(LiveConnections.error(problem));
            session.closeWith(close);
            return;
        }
        reply(LiveConnections.error(problem));
        closeUnadmitted(close);
    }

    private void closeUnadmitted(LiveClose reason) {
        try {
            socket.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(reason.code()), reason.reason()));
        } catch (IOException gone) {
            LOG.log(Level.FINE, "Live socket gone before closing", gone);
        }
    }

    /** The admitted socket as a live session: frames go out asynchronously, one at a time. */
    private final class SocketSession extends LiveSession {

        SocketSession(LiveGate.Admitted admitted, LiveConnections.Credentials credentials) {
            super(admitted.tenant(), admitted.member(), credentials.access(), credentials.expiresAt());
        }

        @Override
        protected void write(LiveFrame frame, Consumer<Throwable> done) {
            try {
                socket.getAsyncRemote().sendText(frame.json(), result -> done.accept(result.getException()));
            } catch (RuntimeException closed) {
                done.accept(closed);
            }
        }

        @Override
        protected void close(LiveClose reason) {
            closeUnadmitted(reason);
        }

        @Override
        protected void broken(Throwable failure) {
            LOG.log(Level.FINE, "Live socket write failed; closing it", failure);
            connections.close(this);
            closeUnadmitted(new LiveClose(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "write-failed"));
        }
    }
}
