package dev.atrium.notifications.domain;

import dev.atrium.notifications.NotificationKind.Channels;
import dev.atrium.notifications.NotificationKind.EmailCadence;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One member's notification and the channels chosen for it when it was raised. */
public record Notification(
        UUID id,
        UUID memberId,
        String type,
        UUID actorId,
        String subjectKind,
        String subjectId,
        String link,
        Map<String, String> params,
        OffsetDateTime createdAt,
        OffsetDateTime readAt,
        Channels channels,
        OffsetDateTime emailedAt) {

    public boolean isRead() {
        return readAt != null;
    }

    /** Waiting to be e-mailed at once. */
    public boolean awaitsImmediateEmail() {
        return channels.email() == EmailCadence.IMMEDIATELY && emailedAt == null;
    }
}
