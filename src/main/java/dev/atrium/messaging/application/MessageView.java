package dev.atrium.messaging.application;

import dev.atrium.messaging.domain.Message;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A message as participants see it: a deleted one keeps its place and author, without its text. */
public record MessageView(
        UUID id,
        long seq,
        UUID authorId,
        String body,
        UUID replyTo,
        OffsetDateTime createdAt,
        OffsetDateTime editedAt,
        boolean deleted) {

    static MessageView of(Message message) {
        return new MessageView(
                message.id(),
                message.seq(),
                message.authorId(),
                message.body(),
                message.replyTo(),
                message.createdAt(),
                message.editedAt(),
                message.isDeleted());
    }
}
