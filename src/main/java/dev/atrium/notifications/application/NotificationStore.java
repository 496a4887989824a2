package dev.atrium.notifications.application;

import dev.atrium.notifications.NotificationKind.Channels;
import dev.atrium.notifications.NotificationKind.EmailCadence;
import dev.atrium.notifications.domain.Notification;
import dev.atrium.platform.persistence.NativeQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The notification table, inside the use cases' transactions. */
@ApplicationScoped
public class NotificationStore {

    private static final String COLUMNS = "id, member_id, type, actor_id, subject_kind, subject_id, link, params::text,"
            + " created_at, read_at, in_app, email, push, emailed_at";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    void add(Notification notification) {
        var params = Json.createObjectBuilder();
        notification.params().forEach(params::add);
        NativeQueries.execute(
                em,
                "insert into notification (id, member_id, type, actor_id, subject_kind, subject_id, link, params,"
                        + " created_at, in_app, email, push) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb),"
                        + " ?9, ?10, ?11, ?12)",
                notification.id(),
                notification.memberId(),
                notification.type(),
                notification.actorId(),
                notification.subjectKind(),
                notification.subjectId(),
                notification.link(),
                params.build().toString(),
                notification.createdAt(),
                notification.channels().inApp(),
                notification.channels().email().id(),
                notification.channels().push());
    }

    Optional<Notification> find(UUID id) {
        return NativeQueries.rows(em, "select " + COLUMNS + " from notification where id = ?1", id).stream()
                .findFirst()
                .map(NotificationStore::read);
    }

    /** The member's centre, newest first: one more than asked, to know whether there is more. */
    List<Notification> centre(UUID member, boolean unreadOnly, int offset, int limit) {
        return NativeQueries.rows(
                        em,
                        "select " + COLUMNS + " from notification where member_id = ?1 and in_app"
                                + (unreadOnly ? " and read_at is null" : "")
                                + " order by created_at desc, id offset ?2 limit ?3",
                        member,
                        offset,
                        limit)
                .stream()
                .map(NotificationStore::read)
                .toList();
    }

    long count(UUID member, boolean unreadOnly) {
        return ((Number) NativeQueries.rows(
                                em,
                                "select count(*) from notification where member_id = ?1 and in_app"
                                        + (unreadOnly ? " and read_at is null" : ""),
                                member)
                        .get(0)[0])
                .longValue();
    }

    /** The subjects of the member's unread notifications, to count those still visible. */
    List<Notification> unread(UUID member) {
        return NativeQueries.rows(
                        em,
                        "select " + COLUMNS + " from notification where member_id = ?1 and in_app and read_at is null",
                        member)
                .stream()
                .map(NotificationStore::read)
                .toList();
    }

    /** Notifications waiting for a digest of this cadence, oldest first, by member. */
    List<Notification> awaitingDigest(EmailCadence cadence) {
        return NativeQueries.rows(
                        em,
                        "select " + COLUMNS + " from notification where emailed_at is null and email = ?1"
                                + " order by member_id, created_at, id",
                        cadence.id())
                .stream()
                .map(NotificationStore::read)
                .toList();
    }

    boolean markRead(UUID member, UUID id, OffsetDateTime now) {
        return NativeQueries.execute(
                        em,
                        "update notification set read_at = coalesce(read_at, ?3) where id = ?2 and member_id = ?1"
                                + " and in_app",
                        member,
                        id,
                        now)
                == 1;
    }

    int markAllRead(UUID member, OffsetDateTime now) {
        return NativeQueries.execute(
                em,
                "update notification set read_at = ?2 where member_id = ?1 and in_app and read_at is null",
                member,
                now);
    }

    boolean delete(UUID member, UUID id) {
        return NativeQueries.execute(em, "delete from notification where id = ?2 and member_id = ?1", member, id) == 1;
    }

    void markEmailed(List<UUID> ids, OffsetDateTime now) {
        for (UUID id : ids) {
            NativeQueries.execute(
                    em, "update notification set emailed_at = ?2 where id = ?1 and emailed_at is null", id, now);
        }
    }

    /**
     * Marks done, without sending, the member's notifications still waiting for an e-mail: of one kind, or (for
     * {@code UnsubscribeLinks.EVERY_DIGEST}) every one waiting for a digest. An unsubscribe stops what is queued too.
     */
    void skipPendingEmail(UUID member, String type, OffsetDateTime now) {
        NativeQueries.execute(
                em,
                "update notification set emailed_at = ?3 where member_id = ?1 and emailed_at is null and email <> 'off'"
                        + " and (type = ?2 or (?2 = ?4 and email in ('daily', 'weekly')))",
                member,
                type,
                now,
                UnsubscribeLinks.EVERY_DIGEST);
    }

    /** Marks the notification pushed; false if it already was (a repeated delivery). */
    boolean claimPush(UUID id, OffsetDateTime now) {
        return NativeQueries.execute(
                        em, "update notification set pushed_at = ?2 where id = ?1 and pushed_at is null", id, now)
                == 1;
    }

    void forget(UUID member) {
        NativeQueries.execute(em, "delete from notification where member_id = ?1", member);
        NativeQueries.execute(em, "delete from notification_preference where member_id = ?1", member);
        NativeQueries.execute(em, "delete from notification_digest where member_id = ?1", member);
        NativeQueries.execute(em, "delete from push_subscription where member_id = ?1", member);
    }

    private static Notification read(Object[] row) {
        Map<String, String> params = new LinkedHashMap<>();
        JsonObject stored = Json.createReader(new StringReader((String) row[7])).readObject();
        stored.forEach((name, value) -> params.put(
                name,
                value.getValueType() == JsonValue.ValueType.STRING
                        ? ((JsonString) value).getString()
                        : value.toString()));
        return new Notification(
                NativeQueries.uuid(row[0]),
                NativeQueries.uuid(row[1]),
                (String) row[2],
                row[3] == null ? null : NativeQueries.uuid(row[3]),
                (String) row[4],
                (String) row[5],
                (String) row[6],
                params,
                NativeQueries.dateTime(row[8]),
                row[9] == null ? null : NativeQueries.dateTime(row[9]),
                new Channels((Boolean) row[10], EmailCadence.fromId((String) row[11]), (Boolean) row[12]),
                row[13] == null ? null : NativeQueries.dateTime(row[13]));
    }
}
