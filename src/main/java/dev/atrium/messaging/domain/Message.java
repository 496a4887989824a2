package dev.atrium.messaging.domain;

import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ForbiddenException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A message: its author may edit it (shown as edited) or delete it (shown as deleted, its text gone). */
@Entity
@Table(name = "message")
public class Message {

    /** The longest message text. */
    public static final int MAX_LENGTH = 4000;

    @Id
    private UUID id;

    @Column(name = "conversation_id", nullable = false)
    private UUID conversationId;

    @Column(nullable = false)
    private long seq;

    @Column(name = "author_id", nullable = false)
    private UUID authorId;

    private String body;

    @Column(name = "reply_to")
    @Convert(converter = dev.atrium.platform.persistence.NullableUuid.class)
    private UUID replyTo;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "edited_at")
    private OffsetDateTime editedAt;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    protected Message() {}

    public Message(UUID conversationId, long seq, UUID authorId, String body, UUID replyTo, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.conversationId = conversationId;
        this.seq = seq;
        this.authorId = authorId;
        this.body = body;
        this.replyTo = replyTo;
        this.createdAt = now;
    }

    public void edit(UUID editor, String text, OffsetDateTime now) {
        requireAuthor(editor, "edit");
        if (isDeleted()) {
            throw new ConflictException("message-deleted", "Message deleted", "A deleted message cannot be edited.");
        }
        this.body = text;
        this.editedAt = now;
    }

    public void delete(UUID deleter, OffsetDateTime now) {
        requireAuthor(deleter, "delete");
        if (!isDeleted()) {
            this.body = null;
            this.deletedAt = now;
        }
    }

    private void requireAuthor(UUID member, String action) {
        if (!authorId.equals(member)) {
            throw new ForbiddenException(
                    "not-the-author", "Not the author", "Only a message's author may " + action + " it.");
        }
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public UUID id() {
        return id;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public long seq() {
        return seq;
    }

    public UUID authorId() {
        return authorId;
    }

    public String body() {
        return body;
    }

    public UUID replyTo() {
        return replyTo;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime editedAt() {
        return editedAt;
    }

    public OffsetDateTime deletedAt() {
        return deletedAt;
    }
}
