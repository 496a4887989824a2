package dev.atrium.messaging.application;

import dev.atrium.platform.persistence.NativeQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Who takes part in which conversation, and how far each has read. Called inside the use cases' transactions. */
@ApplicationScoped
public class Participants {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    void add(UUID conversation, UUID member, OffsetDateTime now) {
        NativeQueries.execute(
                em,
                "insert into conversation_member (conversation_id, member_id, joined_at) values (?1, ?2, ?3)"
                        + " on conflict do nothing",
                conversation,
                member,
                now);
    }

    /** @return whether they were a participant */
    boolean remove(UUID conversation, UUID member) {
        return NativeQueries.execute(
                        em,
                        "delete from conversation_member where conversation_id = ?1 and member_id = ?2",
                        conversation,
                        member)
                == 1;
    }

    boolean includes(UUID conversation, UUID member) {
        return !NativeQueries.rows(
                        em,
                        "select 1 from conversation_member where conversation_id = ?1 and member_id = ?2",
                        conversation,
                        member)
                .isEmpty();
    }

    List<UUID> of(UUID conversation) {
        return NativeQueries.rows(
                        em,
                        "select member_id from conversation_member where conversation_id = ?1 order by joined_at,"
                                + " member_id",
                        conversation)
                .stream()
                .map(row -> NativeQueries.uuid(row[0]))
                .toList();
    }

    /** Moves a member's read mark forward (never back) to {@code seq}. */
    void markRead(UUID conversation, UUID member, long seq) {
        NativeQueries.execute(
                em,
                "update conversation_member set last_read_seq = greatest(last_read_seq, ?3)"
                        + " where conversation_id = ?1 and member_id = ?2",
                conversation,
                member,
                seq);
    }

    /** A removed member leaves every conversation. */
    void removeEverywhere(UUID member) {
        NativeQueries.execute(em, "delete from conversation_member where member_id = ?1", member);
    }
}
