package dev.atrium.messaging.application;

import dev.atrium.identity.MemberRemoved;
import dev.atrium.identity.Members;
import dev.atrium.messaging.ConversationContext;
import dev.atrium.messaging.domain.Conversation;
import dev.atrium.messaging.domain.Message;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The messaging use cases. A conversation exists for its participants only: to anyone else (another member, another
 * tenant) it answers 404, as if it did not exist.
 */
@ApplicationScoped
public class Conversations {

    private static final String NOT_BLOCKED_BY_1 =
            " and m.author_id not in (select b.blocked_id from member_block b where b.blocker_id = ?1)";
    private static final String NOT_BLOCKED_BY_2 =
            " and m.author_id not in (select b.blocked_id from member_block b where b.blocker_id = ?2)";

    /** How many messages a member may send in a minute, across all conversations. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "atrium.messaging.sends-per-minute",
            defaultValue = "30")
    int sendsPerMinute;

    /** The most members a group starts with (more are added one by one). */
    static final int MAX_INITIAL_MEMBERS = 200;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Members members;

    @Inject
    Participants participants;

    @Inject
    ConversationContexts contexts;

    @Inject
    Now now;

    @Inject
    ConversationEvents events;

    @Inject
    Attachments attachments;

    @Inject
    MessageNotifications notifications;

    /** The caller's direct conversation with another member: the existing one, or a new one. */
    @TenantTransactional
    public Started direct(UUID with) {
        UUID me = members.current().id();
        requireMember(with);
        if (blockedBetween(me, with)) {
            throw new dev.atrium.platform.errors.ForbiddenException(
                    "member-blocked", "Member blocked", "A direct conversation with this member is not possible.");
        }
        String key = Conversation.directKey(me, with);
        Optional<Conversation> existing = em.createQuery(
                        "select c from Conversation c where c.directKey = :key", Conversation.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
        if (existing.isPresent()) {
            return new Started(view(existing.get(), me), false);
        }
        Conversation conversation = Conversation.direct(me, with, now.dateTime());
        em.persist(conversation);
        participants.add(conversation.id(), me, now.dateTime());
        participants.add(conversation.id(), with, now.dateTime());
        em.flush();
        events.members(conversation.id(), null, null);
        return new Started(view(conversation, me), true);
    }

    /**
     * The conversation of another module's object (one per object, started by whoever opens it first); the caller
     * takes part if the object's module says so, else it does not exist for them (404).
     */
    @TenantTransactional
    public Started ofContext(String type, String contextId) {
        UUID me = members.current().id();
        ConversationContext context = contextOf(type);
        if (!context.callerMayTakePart(contextId)) {
            throw notFound(type + " conversation " + contextId);
        }
        Optional<Conversation> existing = em.createQuery(
                        "select c from Conversation c where c.contextType = :type and c.contextId = :id",
                        Conversation.class)
                .setParameter("type", type)
                .setParameter("id", contextId)
                .getResultStream()
                .findFirst();
        Conversation conversation = existing.orElseGet(() -> {
            Conversation started = Conversation.context(type, contextId, now.dateTime());
            em.persist(started);
            em.flush();
            return started;
        });
        participants.add(conversation.id(), me, now.dateTime());
        return new Started(view(conversation, me), existing.isEmpty());
    }

    private ConversationContext contextOf(String type) {
        return contexts.of(type);
    }

    /** A conversation and whether this call started it. */
    public record Started(ConversationView conversation, boolean created) {}

    @TenantTransactional
    public ConversationView group(String title, List<UUID> memberIds) {
        UUID me = members.current().id();
        Set<UUID> everyone = new LinkedHashSet<>(memberIds);
        everyone.remove(me);
        if (everyone.size() > MAX_INITIAL_MEMBERS) {
            throw new InvalidRequestException(
                    "too-many-members", "Too many members", "A group starts with at most " + MAX_INITIAL_MEMBERS + ".");
        }
        everyone.forEach(this::requireMember);
        Conversation conversation = Conversation.group(title, me, now.dateTime());
        em.persist(conversation);
        participants.add(conversation.id(), me, now.dateTime());
        everyone.forEach(member -> participants.add(conversation.id(), member, now.dateTime()));
        events.members(conversation.id(), null, null);
        return view(conversation, me);
    }

    @TenantTransactional
    public ConversationView get(UUID id) {
        UUID me = members.current().id();
        return view(visible(id, me), me);
    }

    /**
     * The caller's conversations, the latest activity first, each with its unread count. Conversations of objects the
     * caller no longer belongs to (they left the project) are left out (a read changes nothing; the participant row
     * goes with the conversation's next event).
     */
    @TenantTransactional
    public Page<ConversationView> mine(PageRequest page) {
        UUID me = members.current().id();
        String left = leftContexts(me);
        // One statement for the page: each conversation with the caller's read mark, unread count and members.
        List<Object[]> rows = NativeQueries.rows(
                em,
                "select c.id, c.kind, c.title, c.owner_id, c.last_seq, p.last_read_seq, (select count(*) from message m"
                        + " where m.conversation_id = c.id and m.seq > p.last_read_seq and m.author_id <> ?1"
                        + " and m.deleted_at is null" + NOT_BLOCKED_BY_1 + "), (select string_agg(cast(x.member_id"
                        + " as text), ',' order by x.joined_at, x.member_id) from conversation_member x"
                        + " where x.conversation_id = c.id), c.last_message_at, c.created_at, count(*) over ()"
                        + " from conversation c join conversation_member p on p.conversation_id = c.id"
                        + " and p.member_id = ?1 where c.id <> all (cast(string_to_array(?4, ',') as uuid[]))"
                        + " order by coalesce(c.last_message_at, c.created_at) desc, c.id offset ?2 limit ?3",
                me,
                page.offset(),
                page.size(),
                left);
        List<ConversationView> items = rows.stream()
                .map(row -> new ConversationView(
                        NativeQueries.uuid(row[0]),
                        (String) row[1],
                        (String) row[2],
                        row[3] == null ? null : NativeQueries.uuid(row[3]),
                        java.util.Arrays.stream(((String) row[7]).split(","))
                                .map(UUID::fromString)
                                .toList(),
                        ((Number) row[4]).longValue(),
                        ((Number) row[5]).longValue(),
                        ((Number) row[6]).longValue(),
                        row[8] == null ? null : NativeQueries.dateTime(row[8]),
                        NativeQueries.dateTime(row[9])))
                .toList();
        return Page.of(items, page, rows.isEmpty() ? 0 : ((Number) rows.get(0)[10]).longValue());
    }

    /** The caller's conversations of objects they no longer take part in, as a comma-separated id list. */
    private String leftContexts(UUID me) {
        return NativeQueries.rows(
                        em,
                        "select c.id from conversation c join conversation_member p on p.conversation_id = c.id"
                                + " and p.member_id = ?1 where c.kind = 'context'",
                        me)
                .stream()
                .map(row -> em.find(Conversation.class, NativeQueries.uuid(row[0])))
                .filter(conversation ->
                        !contextOf(conversation.contextType()).callerMayTakePart(conversation.contextId()))
                .map(conversation -> conversation.id().toString())
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** Unread messages in all the caller's conversations. */
    @TenantTransactional
    public long unreadTotal() {
        UUID me = members.current().id();
        Number unread = (Number) NativeQueries.rows(
                        em,
                        "select count(*) from message m join conversation_member p on p.conversation_id ="
                                + " m.conversation_id and p.member_id = ?1 where m.seq > p.last_read_seq"
                                + " and m.author_id <> ?1 and m.deleted_at is null" + NOT_BLOCKED_BY_1
                                + " and m.conversation_id <> all (cast(string_to_array(?2, ',') as uuid[]))",
                        me,
                        leftContexts(me))
                .get(0)[0];
        return unread.longValue();
    }

    @TenantTransactional
    public ConversationView addMember(UUID id, UUID member) {
        UUID me = members.current().id();
        Conversation conversation = visible(id, me);
        conversation.requireOwner(me);
        requireMember(member);
        participants.add(id, member, now.dateTime());
        events.members(id, member, null);
        return view(conversation, me);
    }

    /** The owner removes a member, or a member leaves (the owner cannot leave their group; they delete it). */
    @TenantTransactional
    public void removeMember(UUID id, UUID member) {
        UUID me = members.current().id();
        Conversation conversation = visible(id, me);
        if (!member.equals(me)) {
            conversation.requireOwner(me);
        } else if (!conversation.isGroup() || me.equals(conversation.ownerId())) {
            throw new InvalidRequestException(
                    "cannot-leave",
                    "Cannot leave",
                    "A direct conversation cannot be left, and a group's owner cannot leave it.");
        }
        if (!participants.remove(id, member)) {
            throw notFound("member " + member + " of conversation " + id);
        }
        events.members(id, null, member);
    }

    /** Sends a message: numbered under the conversation's lock, and read by its author at once. */
    @TenantTransactional
    public MessageView send(UUID id, String body, UUID replyTo, List<UUID> attachmentIds) {
        UUID me = members.current().id();
        visible(id, me);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() && attachmentIds.isEmpty()) {
            throw new InvalidRequestException(
                    "empty-message", "Empty message", "A message has text, attachments, or both.");
        }
        requireWithinRate(me);
        Conversation conversation = em.find(Conversation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (replyTo != null) {
            Message original = em.find(Message.class, replyTo);
            if (original == null || !original.conversationId().equals(id)) {
                throw new InvalidRequestException(
                        "reply-to-unknown-message",
                        "Reply to an unknown message",
                        "A reply answers a message of the same conversation.");
            }
        }
        long seq = conversation.nextSeq(now.dateTime());
        Message message = new Message(id, seq, me, text, replyTo, now.dateTime());
        em.persist(message);
        em.flush();
        List<MessageView.Attachment> attached = attachments.attach(message.id(), me, attachmentIds);
        participants.markRead(id, me, seq);
        MessageView sent = MessageView.of(message, java.util.Map.of(), List.of(), attached);
        List<UUID> told = events.messageCreated(id, sent);
        if (conversation.isDirect()) {
            notifications.directMessage(
                    id, message.id(), told, me, text.isEmpty() ? "(" + attached.size() + " attachment(s))" : text);
        }
        return sent;
    }

    /** History newest first; {@code before} (a message number) pages back. */
    @TenantTransactional
    public MessagePage history(UUID id, Long before, int size) {
        UUID me = members.current().id();
        visible(id, me);
        List<UUID> hidden = blockedBy(me);
        List<Message> messages = em.createQuery(
                        "select m from Message m where m.conversationId = :id and m.seq < :before"
                                + " and m.authorId not in :hidden order by m.seq desc",
                        Message.class)
                .setParameter("id", id)
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setParameter("hidden", hidden.isEmpty() ? List.of(new UUID(0, 0)) : hidden)
                .setMaxResults(size + 1)
                .getResultList();
        boolean more = messages.size() > size;
        List<MessageView> items = withReactions(messages.stream().limit(size).toList(), me);
        return new MessagePage(items, more ? items.get(items.size() - 1).seq() : null);
    }

    @TenantTransactional
    public MessageView edit(UUID id, UUID messageId, String body) {
        UUID me = members.current().id();
        visible(id, me);
        Message message = message(id, messageId);
        message.edit(me, body, now.dateTime());
        MessageView edited = withReactions(List.of(message), me).get(0);
        events.messageChanged("message.edited", id, edited);
        return edited;
    }

    @TenantTransactional
    public MessageView delete(UUID id, UUID messageId) {
        UUID me = members.current().id();
        visible(id, me);
        Message message = message(id, messageId);
        message.delete(me, now.dateTime());
        attachments.deleteOf(messageId);
        MessageView deleted = MessageView.of(message);
        events.messageChanged("message.deleted", id, deleted);
        return deleted;
    }

    /** Marks the conversation read up to {@code seq}, or to its last message. */
    @TenantTransactional
    public ConversationView read(UUID id, Long seq) {
        UUID me = members.current().id();
        Conversation conversation = visible(id, me);
        participants.markRead(id, me, seq == null ? conversation.lastSeq() : Math.min(seq, conversation.lastSeq()));
        em.flush();
        ConversationView read = view(conversation, me);
        events.read(id, me, read.lastReadSeq());
        return read;
    }

    /** The reactions a message can get. */
    public static final java.util.Set<String> REACTIONS =
            java.util.Set.of("like", "love", "laugh", "wow", "sad", "celebrate");

    /** Adds (or with {@code on} false, takes back) the caller's reaction to a message. */
    @TenantTransactional
    public MessageView react(UUID id, UUID messageId, String reaction, boolean on) {
        UUID me = members.current().id();
        visible(id, me);
        Message message = message(id, messageId);
        if (!REACTIONS.contains(reaction)) {
            throw new InvalidRequestException(
                    "unknown-reaction",
                    "Unknown reaction",
                    "A reaction is one of " + new java.util.TreeSet<>(REACTIONS) + ".");
        }
        if (on) {
            if (message.isDeleted()) {
                throw new dev.atrium.platform.errors.ConflictException(
                        "message-deleted", "Message deleted", "A deleted message takes no reactions.");
            }
            NativeQueries.execute(
                    em,
                    "insert into message_reaction (message_id, member_id, reaction, created_at) values (?1, ?2, ?3, ?4)"
                            + " on conflict do nothing",
                    messageId,
                    me,
                    reaction,
                    now.dateTime());
        } else {
            NativeQueries.execute(
                    em,
                    "delete from message_reaction where message_id = ?1 and member_id = ?2 and reaction = ?3",
                    messageId,
                    me,
                    reaction);
        }
        MessageView reacted = withReactions(List.of(message), me).get(0);
        events.messageChanged("message.reactions", id, reacted);
        return reacted;
    }

    /** Tells the conversation's other participants, for a few seconds, that the caller is typing. */
    @TenantTransactional
    public void typing(UUID id) {
        UUID me = members.current().id();
        visible(id, me);
        events.typing(id, me);
    }

    /** Messages in the caller's conversations matching {@code query} (words, "phrases", -excluded), newest first. */
    @TenantTransactional
    public List<MessageView> search(String query, int limit) {
        UUID me = members.current().id();
        List<UUID> ids = NativeQueries.rows(
                        em,
                        "select m.id from message m join conversation_member p on p.conversation_id = m.conversation_id"
                                + " and p.member_id = ?1 where m.search @@ websearch_to_tsquery('simple', ?2)"
                                + " and m.deleted_at is null" + NOT_BLOCKED_BY_1
                                + " order by m.created_at desc, m.id limit ?3",
                        me,
                        query,
                        limit)
                .stream()
                .map(row -> NativeQueries.uuid(row[0]))
                .toList();
        List<Message> found =
                ids.stream().map(found1 -> em.find(Message.class, found1)).toList();
        return withReactions(found, me);
    }

    /** The views of messages with their reactions and attachments, in one query for each. */
    private List<MessageView> withReactions(List<Message> messages, UUID me) {
        if (messages.isEmpty()) {
            return List.of();
        }
        java.util.Map<UUID, java.util.Map<String, Long>> counts = new java.util.HashMap<>();
        java.util.Map<UUID, List<String>> mine = new java.util.HashMap<>();
        String ids = messages.stream()
                .map(message -> message.id().toString())
                .collect(java.util.stream.Collectors.joining(","));
        for (Object[] row : NativeQueries.rows(
                em,
                "select message_id, reaction, count(*), bool_or(member_id = ?2) from message_reaction"
                        + " where message_id = any (cast(string_to_array(?1, ',') as uuid[]))"
                        + " group by message_id, reaction order by reaction",
                ids,
                me)) {
            UUID message = NativeQueries.uuid(row[0]);
            counts.computeIfAbsent(message, key -> new java.util.TreeMap<>())
                    .put((String) row[1], ((Number) row[2]).longValue());
            if (Boolean.TRUE.equals(row[3])) {
                mine.computeIfAbsent(message, key -> new java.util.ArrayList<>())
                        .add((String) row[1]);
            }
        }
        java.util.Map<UUID, List<MessageView.Attachment>> files =
                attachments.of(messages.stream().map(Message::id).toList());
        return messages.stream()
                .map(message -> MessageView.of(
                        message,
                        counts.getOrDefault(message.id(), java.util.Map.of()),
                        mine.getOrDefault(message.id(), List.of()),
                        files.getOrDefault(message.id(), List.of())))
                .toList();
    }

    /**
     * Whether the caller may read a message's files: a participant of its conversation to whom the message is shown
     * (not deleted, its author not blocked by them).
     */
    @TenantTransactional
    public boolean callerMayRead(UUID messageId) {
        UUID me = members.current().id();
        Message message = em.find(Message.class, messageId);
        if (message == null || message.isDeleted() || blockedBy(me).contains(message.authorId())) {
            return false;
        }
        try {
            visible(message.conversationId(), me);
            return true;
        } catch (ResourceNotFoundException notAParticipant) {
            return false;
        }
    }

    /** Blocks a member: no new direct conversation between the two, and their messages hidden from the caller. */
    @TenantTransactional
    public List<UUID> block(UUID member) {
        UUID me = members.current().id();
        if (member.equals(me)) {
            throw new InvalidRequestException("block-oneself", "Blocking oneself", "A member cannot block themselves.");
        }
        requireMember(member);
        NativeQueries.execute(
                em,
                "insert into member_block (blocker_id, blocked_id, created_at) values (?1, ?2, ?3)"
                        + " on conflict do nothing",
                me,
                member,
                now.dateTime());
        return blockedBy(me);
    }

    @TenantTransactional
    public List<UUID> unblock(UUID member) {
        UUID me = members.current().id();
        NativeQueries.execute(em, "delete from member_block where blocker_id = ?1 and blocked_id = ?2", me, member);
        return blockedBy(me);
    }

    @TenantTransactional
    public List<UUID> blocked() {
        return blockedBy(members.current().id());
    }

    /** Reports a message for the moderation queue, once per reporter. */
    @TenantTransactional
    public void report(UUID id, UUID messageId, String reason) {
        UUID me = members.current().id();
        visible(id, me);
        message(id, messageId);
        NativeQueries.execute(
                em,
                "insert into message_report (id, message_id, reporter_id, reason, created_at) values (?1, ?2, ?3, ?4,"
                        + " ?5) on conflict (message_id, reporter_id) do nothing",
                UUID.randomUUID(),
                messageId,
                me,
                reason,
                now.dateTime());
    }

    private List<UUID> blockedBy(UUID me) {
        return NativeQueries.rows(
                        em, "select blocked_id from member_block where blocker_id = ?1 order by created_at", me)
                .stream()
                .map(row -> NativeQueries.uuid(row[0]))
                .toList();
    }

    private boolean blockedBetween(UUID one, UUID other) {
        return !NativeQueries.rows(
                        em,
                        "select 1 from member_block where (blocker_id = ?1 and blocked_id = ?2)"
                                + " or (blocker_id = ?2 and blocked_id = ?1)",
                        one,
                        other)
                .isEmpty();
    }

    /** At most {@code sendsPerMinute} messages in any 60 seconds; the answer says when the next one is taken. */
    private void requireWithinRate(UUID me) {
        java.time.OffsetDateTime minuteAgo = now.dateTime().minusSeconds(60);
        Object[] recent = NativeQueries.rows(
                        em,
                        "select count(*), min(created_at) from (select created_at from message where author_id = ?1"
                                + " and created_at > ?2 order by created_at desc limit ?3) r",
                        me,
                        minuteAgo,
                        sendsPerMinute)
                .get(0);
        if (((Number) recent[0]).intValue() >= sendsPerMinute) {
            java.time.OffsetDateTime oldest = NativeQueries.dateTime(recent[1]);
            long wait = java.time.Duration.between(minuteAgo, oldest).toSeconds() + 1;
            throw new dev.atrium.platform.errors.TooManyRequestsException(
                    "sending-too-fast",
                    "Sending too fast",
                    "At most " + sendsPerMinute + " messages a minute; the next one is taken in " + wait + " s.",
                    wait);
        }
    }

    /** A removed member leaves every conversation, in the removal's transaction. */
    void onRemoved(@Observes MemberRemoved removed) {
        participants.removeEverywhere(removed.memberId());
    }

    private Conversation visible(UUID id, UUID me) {
        Conversation conversation = em.find(Conversation.class, id);
        if (conversation == null || !participants.includes(id, me)) {
            throw notFound("conversation " + id);
        }
        // An object's conversation follows the object's membership: asked at every access.
        if (conversation.isContext()
                && !contextOf(conversation.contextType()).callerMayTakePart(conversation.contextId())) {
            throw notFound("conversation " + id);
        }
        return conversation;
    }

    private Message message(UUID conversation, UUID messageId) {
        Message message = em.find(Message.class, messageId);
        if (message == null || !message.conversationId().equals(conversation)) {
            throw notFound("message " + messageId);
        }
        return message;
    }

    private void requireMember(UUID member) {
        if (members.find(member).isEmpty()) {
            throw new InvalidRequestException(
                    "not-a-member-of-the-tenant", "Not a member", "There is no active member " + member + ".");
        }
    }

    private ConversationView view(Conversation conversation, UUID me) {
        Object[] read = NativeQueries.rows(
                        em,
                        "select p.last_read_seq, (select count(*) from message m where m.conversation_id ="
                                + " p.conversation_id and m.seq > p.last_read_seq and m.author_id <> ?2"
                                + " and m.deleted_at is null" + NOT_BLOCKED_BY_2 + ") from conversation_member p"
                                + " where p.conversation_id = ?1 and p.member_id = ?2",
                        conversation.id(),
                        me)
                .stream()
                .findFirst()
                .orElse(new Object[] {0L, 0L});
        return new ConversationView(
                conversation.id(),
                conversation.kind(),
                conversation.title(),
                conversation.ownerId(),
                participants.of(conversation.id()),
                conversation.lastSeq(),
                ((Number) read[0]).longValue(),
                ((Number) read[1]).longValue(),
                conversation.lastMessageAt(),
                conversation.createdAt());
    }

    private static ResourceNotFoundException notFound(String what) {
        return new ResourceNotFoundException("There is no " + what + ".");
    }
}
