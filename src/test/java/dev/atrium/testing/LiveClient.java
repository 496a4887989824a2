package dev.atrium.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.opentest4j.AssertionFailedError;

/**
 * A member's live socket as a client holds it (the JDK's WebSocket client): frames it receives are kept in order,
 * and a test waits for the one it expects. Every wait is bounded and returns as soon as the frame is there.
 */
public final class LiveClient implements AutoCloseable {

    /** How long a frame the test expects may take: delivery is milliseconds, the bound is for a busy machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(15);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private final List<JsonObject> seen = new ArrayList<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;

    /** How the server closed the socket. */
    public record Closed(int code, String reason) {}

    private LiveClient(String slug) {
        URI uri = URI.create(TestSystem.baseUrl().replace("http", "ws") + "/t/" + slug + "/api/v1/live/socket");
        this.socket = HTTP.newWebSocketBuilder().buildAsync(uri, new Listener()).join();
    }

    /** Opens a socket to the tenant without authenticating. */
    public static LiveClient open(String slug) {
        return new LiveClient(slug);
    }

    /** Opens a socket, authenticates as the member and waits for {@code ready}. */
    public static LiveClient connect(TestTenants.Member member) {
        return connect(member, null);
    }

    /** The same, resuming after the event {@code after}. */
    public static LiveClient connect(TestTenants.Member member, Long after) {
        LiveClient client = open(member.slug());
        client.authenticate(member.token(), after);
        JsonObject ready = client.next("ready");
        assertEquals(member.id(), ready.getString("memberId"), ready::toString);
        return client;
    }

    public void authenticate(String token, Long after) {
        JsonObjectBuilder frame =
                Json.createObjectBuilder().add("type", "authenticate").add("token", token);
        if (after != null) {
            frame.add("after", after);
        }
        send(frame.build().toString());
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame of the given type; frames of other types before it are kept in {@link #seen()}. */
    public JsonObject next(String type) {
        return next(frame -> type.equals(frame.getString("type", "")), type);
    }

    public JsonObject next(Predicate<JsonObject> wanted, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonObject frame;
            try {
                frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("Interrupted waiting for " + what);
            }
            if (frame == null) {
                throw new AssertionFailedError("No " + what + " within " + PATIENCE + "; received " + seen
                        + (closed.isDone() ? ", closed " + closed.join() : ""));
            }
            seen.add(frame);
            if (wanted.test(frame)) {
                return frame;
            }
        }
    }

    /** Every frame taken so far, in order. */
    public List<JsonObject> seen() {
        return seen;
    }

    /** The frames received and not yet taken, without waiting. */
    public List<JsonObject> drain() {
        List<JsonObject> drained = new ArrayList<>();
        frames.drainTo(drained);
        seen.addAll(drained);
        return drained;
    }

    /** Waits for the server to close the socket. */
    public Closed awaitClose() {
        try {
            return closed.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notClosed) {
            throw new AssertionFailedError(
                    "The socket was not closed within " + PATIENCE + "; received " + seen + " and " + drain());
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failure -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(
                        Json.createReader(new StringReader(partial.toString())).readObject());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }
    }
}
