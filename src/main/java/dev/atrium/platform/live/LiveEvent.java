package dev.atrium.platform.live;

import jakarta.json.Json;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * An event of the tenant's live log, as every replica reads it: its number in the tenant's log, what it is, who it is
 * for and its data (JSON text, passed on as it is stored).
 */
record LiveEvent(long id, String type, Set<UUID> recipients, String data, OffsetDateTime occurredAt) {

    /** The frame every recipient's connections are sent: built once per replica, shared by all of them. */
    LiveFrame frame() {
        return new LiveFrame(
                id,
                type,
                "{\"id\":" + id + ",\"type\":" + Json.createValue(type) + ",\"occurredAt\":\"" + occurredAt
                        + "\",\"data\":" + data + "}");
    }
}
