package dev.atrium.notifications.application;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A notification as its recipient reads it.
 *
 * @param text the short text in the reader's language
 * @param link where a client opens the object, relative to the tenant's API
 */
public record NotificationView(
        UUID id,
        String type,
        String text,
        UUID actorId,
        String subjectKind,
        String subjectId,
        String link,
        OffsetDateTime createdAt,
        OffsetDateTime readAt) {}
