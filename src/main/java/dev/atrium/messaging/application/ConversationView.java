package dev.atrium.messaging.application;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A conversation as a participant sees it.
 *
 * @param unread the messages of others after the caller's read mark (deleted ones not counted)
 */
public record ConversationView(
        UUID id,
        String kind,
        String title,
        UUID ownerId,
        List<UUID> members,
        long lastSeq,
        long lastReadSeq,
        long unread,
        OffsetDateTime lastMessageAt,
        OffsetDateTime createdAt) {}
