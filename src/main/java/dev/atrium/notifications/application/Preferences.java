package dev.atrium.notifications.application;

import dev.atrium.notifications.NotificationKind;
import dev.atrium.notifications.NotificationKind.Channels;
import dev.atrium.notifications.NotificationKind.EmailCadence;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.security.TenantRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A member's channels per kind: their own choice where they made one, else the kind's defaults for their roles. */
@ApplicationScoped
public class Preferences {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    Channels effective(UUID member, NotificationKind kind, Set<TenantRole> roles) {
        return chosen(member).getOrDefault(kind.type(), kind.defaultsFor(roles));
    }

    /** The member's own choices, by kind. */
    Map<String, Channels> chosen(UUID member) {
        Map<String, Channels> chosen = new HashMap<>();
        for (Object[] row : NativeQueries.rows(
                em, "select type, in_app, email, push from notification_preference where member_id = ?1", member)) {
            chosen.put((String) row[0], new Channels((Boolean) row[1], EmailCadence.fromId((String) row[2]), (Boolean)
                    row[3]));
        }
        return chosen;
    }

    void choose(UUID member, String type, Channels channels, OffsetDateTime now) {
        NativeQueries.execute(
                em,
                "insert into notification_preference (member_id, type, in_app, email, push, updated_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (member_id, type) do update set"
                        + " in_app = excluded.in_app, email = excluded.email, push = excluded.push,"
                        + " updated_at = excluded.updated_at",
                member,
                type,
                channels.inApp(),
                channels.email().id(),
                channels.push(),
                now);
    }
}
