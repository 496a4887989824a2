package dev.atrium.platform.live;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * One message to a live connection: a WebSocket text frame, or one Server-Sent Event ({@code id} and {@code event}
 * from here, {@code data} the same JSON).
 *
 * @param id the event's number in the tenant's log, for resuming; null for frames that are not kept (typing,
 *     the session's own messages)
 */
record LiveFrame(Long id, String type, String json) {

    /** Sent every 25 s to an idle connection: {@code {"type":"heartbeat"}} on a socket, a comment on an event stream. */
    static final LiveFrame HEARTBEAT = new LiveFrame(null, "heartbeat", "{\"type\":\"heartbeat\"}");

    boolean isHeartbeat() {
        return this == HEARTBEAT;
    }

    /** A passing signal (someone is typing): the same shape as a kept event, without a number. */
    static LiveFrame signal(String type, jakarta.json.JsonValue data) {
        return new LiveFrame(
                null,
                type,
                Json.createObjectBuilder()
                        .add("type", type)
                        .add("data", data)
                        .build()
                        .toString());
    }

    /** A frame about the connection itself (ready, reload, closing, error, pong): never kept, never resumed. */
    static LiveFrame control(String type, JsonObject body) {
        return new LiveFrame(
                null,
                type,
                Json.createObjectBuilder(body).add("type", type).build().toString());
    }
}
