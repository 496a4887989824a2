package dev.atrium.messaging.application;

import dev.atrium.messaging.domain.Message;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message as participants see it: a deleted one keeps its place and author, without its text; {@code reactions}
 * counts each reaction, {@code myReactions} are the caller's.
 */
public record MessageView(
        UUID id,
        long seq,
        UUID authorId,
        String body,
        UUID replyTo,
        OffsetDateTime createdAt,
        OffsetDateTime editedAt,
        boolean deleted,
        java.util.Map<String, Long> reactions,
        java.util.List<String> myReactions) {

    static MessageView of(Message message) {
        return of(message, java.util.Map.of(), java.util.List.of());
    }

    static MessageView of(Message message, java.util.Map<String, Long> reactions, java.util.List<String> mine) {
        return new MessageView(
                message.id(),
                message.seq(),
                message.authorId(),
                message.body(),
                message.replyTo(),
                message.createdAt(),
                message.editedAt(),
                message.isDeleted(),
                reactions,
                mine);
    }
}
