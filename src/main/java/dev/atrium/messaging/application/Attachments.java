package dev.atrium.messaging.application;

import dev.atrium.messaging.application.MessageView.Attachment;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.media.Media;
import dev.atrium.platform.media.MediaItem;
import dev.atrium.platform.media.MediaOwner;
import dev.atrium.platform.persistence.NativeQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Files attached to messages: media the author uploaded through the media service, given to the message (so they
 * live and die with it) and readable by the conversation's participants ({@link MessageAttachmentAccess}).
 */
@ApplicationScoped
public class Attachments {

    /** The most files one message carries. */
    static final int MAX_PER_MESSAGE = 10;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Media media;

    static MediaOwner ownerOf(UUID message) {
        return new MediaOwner("messaging", "message", message.toString());
    }

    /** Gives the author's uploads to the message; only their own, unattached uploads (else 404 or 409). */
    List<Attachment> attach(UUID message, UUID author, List<UUID> mediaIds) {
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(mediaIds));
        if (distinct.size() > MAX_PER_MESSAGE) {
            throw new InvalidRequestException(
                    "too-many-attachments",
                    "Too many attachments",
                    "A message carries at most " + MAX_PER_MESSAGE + " files.");
        }
        List<Attachment> attached = new ArrayList<>();
        for (int position = 0; position < distinct.size(); position++) {
            MediaItem item = media.attach(distinct.get(position), ownerOf(message));
            // The author's own uploads only, admins too: a member's private file never lands in a conversation
            // through someone else (the transaction, and the attaching, roll back).
            if (!author.equals(item.uploadedBy())) {
                throw new dev.atrium.platform.errors.ResourceNotFoundException(
                        "There is no upload " + distinct.get(position) + " of yours to attach.");
            }
            Attachment attachment =
                    new Attachment(item.id(), item.kind().id(), item.contentType(), item.filename(), item.sizeBytes());
            NativeQueries.execute(
                    em,
                    "insert into message_attachment (message_id, media_id, position, kind, content_type, filename,"
                            + " size_bytes) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    message,
                    item.id(),
                    position,
                    attachment.kind(),
                    attachment.contentType(),
                    attachment.filename(),
                    attachment.sizeBytes());
            attached.add(attachment);
        }
        return attached;
    }

    /** The attachments of these messages, in one query. */
    Map<UUID, List<Attachment>> of(List<UUID> messages) {
        Map<UUID, List<Attachment>> byMessage = new HashMap<>();
        if (messages.isEmpty()) {
            return byMessage;
        }
        for (Object[] row : NativeQueries.rows(
                em,
                "select message_id, media_id, kind, content_type, filename, size_bytes from message_attachment"
                        + " where message_id = any (cast(string_to_array(?1, ',') as uuid[])) order by position",
                messages.stream().map(UUID::toString).collect(Collectors.joining(",")))) {
            byMessage
                    .computeIfAbsent(NativeQueries.uuid(row[0]), key -> new ArrayList<>())
                    .add(new Attachment(
                            NativeQueries.uuid(row[1]),
                            (String) row[2],
                            (String) row[3],
                            (String) row[4],
                            ((Number) row[5]).longValue()));
        }
        return byMessage;
    }

    /** A deleted message's files go with it (rows now, bytes in a job). */
    void deleteOf(UUID message) {
        NativeQueries.execute(em, "delete from message_attachment where message_id = ?1", message);
        media.deleteOwnedBy(ownerOf(message));
    }
}
