package dev.atrium.platform.live;

import dev.atrium.platform.outbox.Outbox;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Where a module tells members' live connections that something happened, from inside the use case's transaction
 * of the selected tenant: nothing is sent for a change that rolls back.
 *
 * <p>{@link #publish} is for what a client must not miss (a message, an edit, a notification): it goes through the
 * outbox into the tenant's live event log, numbered, and a client that reconnects is sent what it missed.
 * {@link #signal} is for what is stale a few seconds later (someone is typing): announced at commit, never kept.
 */
@ApplicationScoped
public class Live {

    /** The PostgreSQL channel every replica listens on. */
    static final String CHANNEL = "atrium_live";

    /** NOTIFY payloads are limited to 8,000 bytes; a signal to more members than fit is announced in parts. */
    private static final int MAX_NOTIFICATION = 7_800;

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Outbox outbox;

    @Inject
    CurrentTenant currentTenant;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /**
     * An event for the recipients' live connections, kept in the log for resuming.
     *
     * @param type {@code module.what}, e.g. {@code message.created}
     * @param data a record or map, sent as JSON
     */
    public void publish(String type, Collection<UUID> recipients, Object data) {
        if (recipients.isEmpty()) {
            return;
        }
        outbox.publish(new LiveEventRaised(
                type,
                List.copyOf(new java.util.LinkedHashSet<>(recipients)),
                json(data).toString()));
    }

    /** A passing signal to the recipients' live connections, announced when the transaction commits, not kept. */
    public void signal(String type, Collection<UUID> recipients, Object data) {
        String frame = LiveFrame.signal(type, json(data)).json();
        String prefix = "s " + currentTenant.get().id() + " " + type + " ";
        List<String> batch = new ArrayList<>();
        int size = prefix.length() + frame.length() + 1;
        for (UUID recipient : recipients) {
            if (size + 37 > MAX_NOTIFICATION && !batch.isEmpty()) {
                notify(prefix + String.join(",", batch) + " " + frame);
                batch.clear();
                size = prefix.length() + frame.length() + 1;
            }
            batch.add(recipient.toString());
            size += 37;
        }
        if (!batch.isEmpty()) {
            notify(prefix + String.join(",", batch) + " " + frame);
        }
    }

    /** Closes the member's live connections on every replica when the transaction commits (they were removed). */
    public void endSessions(UUID memberId, String reason) {
        notify("m " + currentTenant.get().id() + " " + memberId + " " + reason);
    }

    /** Closes every live connection of the tenant on every replica at commit (suspended, archived, deleted). */
    public void endTenant(UUID tenantId, String reason) {
        notify("t " + tenantId + " " + reason);
    }

    /** NOTIFY is transactional: listeners hear it when the transaction commits, and never if it rolls back. */
    void notify(String payload) {
        NativeQueries.rows(em, "select 1 from (select pg_notify(?1, ?2)) n", CHANNEL, payload);
    }

    private static JsonValue json(Object data) {
        if (data instanceof JsonValue value) {
            return value;
        }
        return Json.createReader(new StringReader(JSON.toJson(data))).readValue();
    }
}
