package dev.atrium.messaging.application;

import dev.atrium.notifications.Notice;
import dev.atrium.notifications.NoticeSubject;
import dev.atrium.notifications.NotificationKind;
import dev.atrium.notifications.NotificationKind.Channels;
import dev.atrium.notifications.NotificationKind.EmailCadence;
import dev.atrium.notifications.NotificationKinds;
import dev.atrium.notifications.Notifications;
import dev.atrium.notifications.SubjectVisibility;
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
 * e-mail digest if still unread then (not in the centre, which would only repeat the conversation list). Groups do
 * not notify per message: a busy group would bury everything else.
 */
@ApplicationScoped
public class MessageNotifications implements NotificationKinds, SubjectVisibility {

    static final String DIRECT_MESSAGE = "messaging.direct-message";
    private static final int PREVIEW = 80;

    @Inject
    Notifications notifications;

    @Inject
    Participants participants;

    @Override
    public List<NotificationKind> kinds() {
        return List.of(NotificationKind.of(DIRECT_MESSAGE, new Channels(false, EmailCadence.DAILY, true)));
    }

    @Override
    public String kind() {
        return "conversation";
    }

    @Override
    public Set<String> visibleTo(UUID memberId, Collection<String> ids) {
        return ids.stream()
                .filter(id -> {
                    try {
                        return participants.includes(UUID.fromString(id), memberId);
                    } catch (IllegalArgumentException notAnId) {
                        return false;
                    }
                })
                .collect(Collectors.toSet());
    }

    void directMessage(UUID conversation, Collection<UUID> recipients, UUID author, String body) {
        String preview = body.length() > PREVIEW ? body.substring(0, PREVIEW - 1) + "…" : body;
        notifications.raise(Notice.of(
                DIRECT_MESSAGE,
                recipients,
                author,
                new NoticeSubject("conversation", conversation.toString(), "/conversations/" + conversation),
                Map.of("preview", preview)));
    }
}
