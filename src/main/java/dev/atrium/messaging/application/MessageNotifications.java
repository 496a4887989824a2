package dev.atrium.messaging.application;

import dev.atrium.notifications.Notice;
import dev.atrium.notifications.NoticeSubject;
import dev.atrium.notifications.NotificationKind;
import dev.atrium.notifications.NotificationKind.Channels;
import dev.atrium.notifications.NotificationKind.EmailCadence;
import dev.atrium.notifications.NotificationKinds;
import dev.atrium.notifications.Notifications;
import dev.atrium.notifications.SubjectVisibility;
import dev.atrium.platform.persistence.NativeQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A direct message tells its recipient beyond the conversation's unread count: by push at once, and in the daily
 * e-mail digest if still unread then, not deleted and its author not blocked (not in the centre, which would only
 * repeat the conversation list). Groups do not notify per message: a busy group would bury everything else.
 */
@ApplicationScoped
public class MessageNotifications implements NotificationKinds, SubjectVisibility {

    static final String DIRECT_MESSAGE = "messaging.direct-message";
    private static final int PREVIEW = 80;

    @Inject
    Notifications notifications;

    @jakarta.persistence.PersistenceContext(unitName = "atrium")
    jakarta.persistence.EntityManager em;

    @Override
    public List<NotificationKind> kinds() {
        return List.of(NotificationKind.of(DIRECT_MESSAGE, new Channels(false, EmailCadence.DAILY, true)));
    }

    @Override
    public String kind() {
        return "message";
    }

    /**
     * A message the member is still to be told about: in a conversation they take part in, not deleted, from an author
     * they have not blocked, and not read yet (read in the app before the digest goes out: not mailed).
     */
    @Override
    public Set<String> visibleTo(UUID memberId, Collection<String> ids) {
        List<String> wellFormed =
                ids.stream().filter(MessageNotifications::isUuid).toList();
        if (wellFormed.isEmpty()) {
            return Set.of();
        }
        return NativeQueries.rows(
                        em,
                        "select cast(m.id as text) from message m join conversation_member p on p.conversation_id ="
                                + " m.conversation_id and p.member_id = ?1 where m.id = any (cast(string_to_array(?2,"
                                + " ',') as uuid[])) and m.deleted_at is null and m.seq > p.last_read_seq and not"
                                + " exists (select 1 from member_block b where b.blocker_id = ?1 and b.blocked_id ="
                                + " m.author_id)",
                        memberId,
                        String.join(",", wellFormed))
                .stream()
                .map(row -> (String) row[0])
                .collect(Collectors.toSet());
    }

    private static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    void directMessage(UUID conversation, UUID message, Collection<UUID> recipients, UUID author, String body) {
        String preview = body.length() > PREVIEW ? body.substring(0, PREVIEW - 1) + "…" : body;
        notifications.raise(Notice.of(
                DIRECT_MESSAGE,
                recipients,
                author,
                new NoticeSubject("message", message.toString(), "/conversations/" + conversation + "/messages"),
                Map.of("preview", preview)));
    }
}
