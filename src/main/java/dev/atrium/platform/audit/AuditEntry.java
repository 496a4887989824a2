package dev.atrium.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One platform action as it happened. Entries are only ever added. */
@Entity
@Table(name = "audit_entry", schema = "platform")
public class AuditEntry {

    /** How an action ended: it did what was asked, it was refused (bad request, conflict), or it failed. */
    public enum Outcome {
        SUCCEEDED,
        REFUSED,
        FAILED
    }

    @Id
    private UUID id;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    private String target;

    @Column(nullable = false)
    private String outcome;

    private String detail;

    protected AuditEntry() {}

    AuditEntry(Actor actor, String action, String target, Outcome outcome, String detail, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.occurredAt = now;
        this.actor = actor.name();
        this.action = action;
        this.target = target;
        this.outcome = outcome.name();
        this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    public UUID id() {
        return id;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }
}
