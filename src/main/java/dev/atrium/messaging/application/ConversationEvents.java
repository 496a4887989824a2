package dev.atrium.messaging.application;

import dev.atrium.messaging.ConversationContext;
import dev.atrium.messaging.domain.Conversation;
import dev.atrium.platform.live.Live;
import dev.atrium.platform.persistence.NativeQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What participants' live connections are told about their conversations, from inside the use cases' transactions.
 * A member who blocked the author is not sent the author's messages (nor their edits, reactions or typing), as they
 * are not shown them in history. The event records are public: JSON-B reads them from outside this package.
 */
@ApplicationScoped
public class ConversationEvents {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Live live;

    @Inject
    ConversationContexts contexts;

    @Inject
    Participants participants;

    /** A message as every participant is sent it: the reader's own reactions are theirs to keep. */
    public record MessageEvent(UUID conversationId, MessageView message) {}

    public record ReadEvent(UUID conversationId, UUID memberId, long lastReadSeq) {}

    public record MembersEvent(UUID conversationId, List<UUID> members, UUID added, UUID removed) {}

    public record TypingEvent(UUID conversationId, UUID memberId) {}

    /** Answers who was told: the participants who have not blocked the author. */
    List<UUID> messageCreated(UUID conversation, MessageView message) {
        List<UUID> told = notBlocking(conversation, message.authorId());
        live.publish("message.created", told, messageEvent(conversation, message));
        return told;
    }

    void messageChanged(String type, UUID conversation, MessageView message) {
        live.publish(type, notBlocking(conversation, message.authorId()), messageEvent(conversation, message));
    }

    /** Read receipts: every participant (the reader's other devices clear their badge). */
    void read(UUID conversation, UUID member, long seq) {
        live.publish("conversation.read", everyone(conversation), new ReadEvent(conversation, member, seq));
    }

    /** A conversation started, or its members changed: its participants, and whoever was just removed. */
    void members(UUID conversation, UUID added, UUID removed) {
        List<UUID> members = everyone(conversation);
        List<UUID> told = new ArrayList<>(members);
        if (removed != null) {
            told.add(removed);
        }
        live.publish(
                added == null && removed == null ? "conversation.started" : "conversation.members",
                told,
                new MembersEvent(conversation, members, added, removed));
    }

    void typing(UUID conversation, UUID member) {
        List<UUID> others = new ArrayList<>(notBlocking(conversation, member));
        others.remove(member);
        live.signal("typing", others, new TypingEvent(conversation, member));
    }

    private static MessageEvent messageEvent(UUID conversation, MessageView message) {
        return new MessageEvent(
                conversation,
                new MessageView(
                        message.id(),
                        message.seq(),
                        message.authorId(),
                        message.body(),
                        message.replyTo(),
                        message.createdAt(),
                        message.editedAt(),
                        message.deleted(),
                        message.reactions(),
                        List.of(),
                        message.attachments()));
    }

    private List<UUID> everyone(UUID conversation) {
        return takingPart(
                conversation,
                NativeQueries.rows(
                                em,
                                "select member_id from conversation_member where conversation_id = ?1",
                                conversation)
                        .stream()
                        .map(row -> NativeQueries.uuid(row[0]))
                        .toList());
    }

    /**
     * The participants of an object's conversation who still belong to the object (the object's module says); those
     * who left it are let go of here, so no event of it reaches them.
     */
    private List<UUID> takingPart(UUID conversation, List<UUID> participantsNow) {
        // Loaded by the use case already: found in the persistence context, no query.
        Conversation held = em.find(Conversation.class, conversation);
        if (!held.isContext()) {
            return participantsNow;
        }
        ConversationContext owner = contexts.of(held.contextType());
        List<UUID> staying = new ArrayList<>();
        for (UUID member : participantsNow) {
            if (owner.mayTakePart(held.contextId(), member)) {
                staying.add(member);
            } else {
                participants.remove(conversation, member);
            }
        }
        return staying;
    }

    private List<UUID> notBlocking(UUID conversation, UUID author) {
        return takingPart(
                conversation,
                NativeQueries.rows(
                                em,
                                "select p.member_id from conversation_member p where p.conversation_id = ?1 and not exists"
                                        + " (select 1 from member_block b where b.blocker_id = p.member_id and b.blocked_id = ?2)",
                                conversation,
                                author)
                        .stream()
                        .map(row -> NativeQueries.uuid(row[0]))
                        .toList());
    }
}
