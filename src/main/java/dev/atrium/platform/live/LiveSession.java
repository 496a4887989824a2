package dev.atrium.platform.live;

import dev.atrium.platform.security.Membership;
import dev.atrium.platform.tenancy.application.TenantAccess;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.json.Json;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * One member's live connection in one tenant (a WebSocket or an event stream), once admitted. Frames go out one at a
 * time, in order, from a bounded queue: a client that reads too slowly to keep up is disconnected (it resumes from
 * the log when it comes back) rather than allowed to hold the replica's memory.
 *
 * <p>While the connection resumes, events arriving live are held back and sent after the missed ones, each once:
 * numbers only grow, so whatever is not above the last number sent was sent already.
 */
abstract class LiveSession {

    /** Frames waiting for a slow client before it is let go. */
    static final int MAX_QUEUED = 2_000;

    private final TenantRef tenant;
    private final UUID memberId;
    private volatile TenantAccess access;
    private volatile Instant expiresAt;
    private ScheduledFuture<?> expiry;

    private final ArrayDeque<LiveFrame> queue = new ArrayDeque<>();
    private boolean writing;
    private boolean inWrite;
    private boolean doneInline;
    private Throwable inlineFailure;
    private Runnable onEnd;
    private boolean closed;
    private boolean resuming = true;
    private List<LiveEvent> heldBack = new ArrayList<>();
    private long lastEventId;

    LiveSession(TenantRef tenant, Membership member, TenantAccess access, Instant expiresAt) {
        this.tenant = tenant;
        this.memberId = member.memberId();
        this.access = access;
        this.expiresAt = expiresAt;
    }

    TenantRef tenant() {
        return tenant;
    }

    UUID memberId() {
        return memberId;
    }

    /** What a command on this connection asks of the tenant gate: the member's token, checked again each time. */
    TenantAccess access() {
        return access;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** A renewed token: the same member, a later expiry. */
    synchronized void renewed(TenantAccess renewed, Instant until, ScheduledFuture<?> newExpiry) {
        this.access = renewed;
        this.expiresAt = until;
        if (expiry != null) {
            expiry.cancel(false);
        }
        this.expiry = newExpiry;
    }

    synchronized void expiresWith(ScheduledFuture<?> task) {
        this.expiry = task;
    }

    /** A kept event for this member: sent now, or after the missed ones while resuming; never twice. */
    synchronized void deliver(LiveEvent event, LiveFrame frame) {
        if (closed) {
            return;
        }
        if (resuming) {
            if (heldBack.size() >= MAX_QUEUED) {
                closeWith(LiveClose.TOO_SLOW);
                return;
            }
            heldBack.add(event);
            return;
        }
        if (event.id() > lastEventId) {
            lastEventId = event.id();
            enqueue(frame);
        }
    }

    /** The missed events (oldest first), then what arrived meanwhile; from here on events go out as they come. */
    synchronized void resumed(List<LiveEvent> missed) {
        for (LiveEvent event : missed) {
            deliverNow(event);
        }
        for (LiveEvent event : heldBack) {
            deliverNow(event);
        }
        heldBack = null;
        resuming = false;
    }

    private void deliverNow(LiveEvent event) {
        if (event.id() > lastEventId) {
            lastEventId = event.id();
            enqueue(event.frame());
        }
    }

    /** Resumes nothing: the client reloads, or starts fresh, and counts from {@code last}. */
    synchronized void startAt(long last) {
        lastEventId = Math.max(lastEventId, last);
    }

    synchronized void send(LiveFrame frame) {
        enqueue(frame);
    }

    private void enqueue(LiveFrame frame) {
        if (closed) {
            return;
        }
        if (queue.size() >= MAX_QUEUED) {
            closeWith(LiveClose.TOO_SLOW);
            return;
        }
        queue.add(frame);
        if (!writing) {
            writeNext();
        }
    }

    /**
     * Writes queued frames one at a time. A write that completes on this very thread (inside {@link #write}) is
     * followed by the next in this loop rather than by recursion; one that completes later, on the container's
     * thread, continues from {@link #written}.
     */
    private void writeNext() {
        while (!closed) {
            LiveFrame next = queue.poll();
            if (next == null) {
                writing = false;
                return;
            }
            writing = true;
            inWrite = true;
            doneInline = false;
            write(next, this::written);
            inWrite = false;
            if (!doneInline) {
                return;
            }
            if (inlineFailure != null) {
                Throwable failure = inlineFailure;
                inlineFailure = null;
                if (markBroken()) {
                    broken(failure);
                }
                return;
            }
        }
        writing = false;
    }

    private void written(Throwable failure) {
        boolean broke = false;
        synchronized (this) {
            if (inWrite) {
                // Completed inside write(), on this thread: writeNext's loop carries on.
                doneInline = true;
                inlineFailure = failure;
                return;
            }
            if (failure == null) {
                writeNext();
            } else {
                broke = markBroken();
            }
        }
        if (broke) {
            // The connection is gone (reset, half-closed): let go of it, the client reconnects and resumes.
            broken(failure);
        }
    }

    /** @return whether this is the first sign that the connection is broken */
    private synchronized boolean markBroken() {
        if (closed) {
            return false;
        }
        closed = true;
        queue.clear();
        writing = false;
        if (expiry != null) {
            expiry.cancel(false);
        }
        ended();
        return true;
    }

    /** What is run once when the session ends, however it ends: the hub lets go of it. */
    synchronized void whenEnded(Runnable action) {
        this.onEnd = action;
    }

    private void ended() {
        Runnable action = onEnd;
        onEnd = null;
        if (action != null) {
            action.run();
        }
    }

    /** Says why in a last frame, then closes; later frames are dropped. */
    synchronized void closeWith(LiveClose reason) {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        if (expiry != null) {
            expiry.cancel(false);
        }
        LiveFrame last = LiveFrame.control(
                "closing",
                Json.createObjectBuilder()
                        .add("reason", reason.reason())
                        .add("code", reason.code())
                        .build());
        write(last, failure -> close(reason));
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Marks the session gone without a goodbye (the client closed it). */
    synchronized void gone() {
        closed = true;
        queue.clear();
        if (expiry != null) {
            expiry.cancel(false);
        }
        ended();
    }

    /** Writes one frame; {@code done} is called once, with the failure or null. */
    protected abstract void write(LiveFrame frame, Consumer<Throwable> done);

    /** Ends the connection, after its last frame went out (or failed to). */
    protected abstract void close(LiveClose reason);

    /** A write failed: the connection cannot be used any more; end it and let go of it. */
    protected abstract void broken(Throwable failure);

    /**
     * Keeps idle connections open through proxies: a frame in the queue like any other, so that it never overtakes
     * or collides with a frame being written.
     */
    void heartbeat() {
        send(LiveFrame.HEARTBEAT);
    }
}
