package dev.atrium.messaging.application;

import dev.atrium.messaging.domain.Message;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A message as participants see it: a deleted one keeps its place and author, without its text or attachments;
 * {@code reactions} counts each reaction, {@code myReactions} are the caller's; {@code attachments} are media the
 * participants read through the media API ({@code /media/{mediaId}}, {@code /media/{mediaId}/url}).
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
        java.util.List<String> myReactions,
        java.util.List<Attachment> attachments) {

    /** A file attached to a message. */
    public record Attachment(UUID mediaId, String kind, String contentType, String filename, long sizeBytes) {}

    static MessageView of(Message message) {
        return of(message, java.util.Map.of(), java.util.List.of(), java.util.List.of());
    }

    static MessageView of(
            Message message,
            java.util.Map<String, Long> reactions,
            java.util.List<String> mine,
            java.util.List<Attachment> attachments) {
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
                mine,
                message.isDeleted() ? java.util.List.of() : attachments);
    }
}
