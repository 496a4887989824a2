package dev.atrium.messaging.domain;

import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.InvalidRequestException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A conversation: direct between two members (one per pair), or a named group that its owner runs. */
@Entity
@Table(name = "conversation")
public class Conversation {

    public static final String DIRECT = "direct";
    public static final String GROUP = "group";
    public static final String CONTEXT = "context";

    @Id
    private UUID id;

    @Column(nullable = false)
    private String kind;

    private String title;

    @Column(name = "owner_id")
    @jakarta.persistence.Convert(converter = dev.atrium.platform.persistence.NullableUuid.class)
    private UUID ownerId;

    @Column(name = "direct_key")
    private String directKey;

    @Column(name = "context_type")
    private String contextType;

    @Column(name = "context_id")
    private String contextId;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_message_at")
    private OffsetDateTime lastMessageAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Conversation() {}

    private Conversation(String kind, String title, UUID ownerId, String directKey, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.title = title;
        this.ownerId = ownerId;
        this.directKey = directKey;
        this.createdAt = now;
    }

    public static Conversation direct(UUID one, UUID other, OffsetDateTime now) {
        if (one.equals(other)) {
            throw new InvalidRequestException(
                    "conversation-with-oneself", "Conversation with oneself", "A direct conversation has two members.");
        }
        return new Conversation(DIRECT, null, null, directKey(one, other), now);
    }

    public static Conversation group(String title, UUID owner, OffsetDateTime now) {
        return new Conversation(GROUP, title, owner, null, now);
    }

    /** The conversation of another module's object (its title: the object's kind). */
    public static Conversation context(String type, String id, OffsetDateTime now) {
        Conversation conversation = new Conversation(CONTEXT, type, null, null, now);
        conversation.contextType = type;
        conversation.contextId = id;
        return conversation;
    }

    /** The two members of a direct conversation, in a fixed order: what makes it one per pair. */
    public static String directKey(UUID one, UUID other) {
        return one.compareTo(other) < 0 ? one + ":" + other : other + ":" + one;
    }

    /** Numbers the next message: called with the conversation's row locked, so numbers never repeat or skip. */
    public long nextSeq(OffsetDateTime now) {
        lastSeq++;
        lastMessageAt = now;
        return lastSeq;
    }

    /** Who may change a group's members: its owner; direct conversations have none to change. */
    public void requireOwner(UUID member) {
        if (isContext()) {
            throw new InvalidRequestException(
                    "context-conversation-members",
                    "Conversation of an object",
                    "Who takes part in the conversation of a " + contextType + " is the " + contextType
                            + "'s members.");
        }
        if (!isGroup()) {
            throw new InvalidRequestException(
                    "direct-conversation-members",
                    "Direct conversation",
                    "A direct conversation's two members cannot change; start a group instead.");
        }
        if (!member.equals(ownerId)) {
            throw new ForbiddenException(
                    "not-the-conversation-owner",
                    "Not the conversation's owner",
                    "Only the group's owner adds and removes its members.");
        }
    }

    public boolean isDirect() {
        return !isGroup() && !isContext();
    }

    public boolean isGroup() {
        return GROUP.equals(kind);
    }

    public boolean isContext() {
        return CONTEXT.equals(kind);
    }

    public String contextType() {
        return contextType;
    }

    public String contextId() {
        return contextId;
    }

    public UUID id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public OffsetDateTime lastMessageAt() {
        return lastMessageAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
