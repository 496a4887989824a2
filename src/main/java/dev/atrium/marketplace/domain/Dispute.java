package dev.atrium.marketplace.domain;

import dev.atrium.billing.Money;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.persistence.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A disagreement over a funded milestone, opened by either party: its money stays in escrow until a tenant admin
 * decides to refund the client, release to the professional, or split the amount between them.
 */
@Entity
@Table(name = "marketplace_dispute")
public class Dispute {

    public enum Status {
        OPEN,
        DECIDED
    }

    public enum Decision {
        REFUND,
        RELEASE,
        SPLIT
    }

    @Id
    private UUID id;

    @Column(name = "milestone_id", nullable = false, updatable = false)
    private UUID milestoneId;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private UUID openedBy;

    @Column(nullable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    private Long released;

    @Column(name = "decided_by")
    @Convert(converter = NullableUuid.class)
    private UUID decidedBy;

    @Column(name = "decision_note")
    private String decisionNote;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private OffsetDateTime openedAt;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Version
    private long version;

    protected Dispute() {}

    public static Dispute open(Milestone milestone, UUID openedBy, String reason, OffsetDateTime now) {
        milestone.disputed();
        Dispute dispute = new Dispute();
        dispute.id = UUID.randomUUID();
        dispute.milestoneId = milestone.id();
        dispute.openedBy = openedBy;
        dispute.reason = reason;
        dispute.status = Status.OPEN;
        dispute.openedAt = now;
        return dispute;
    }

    /**
     * An admin's decision: what the professional receives ({@code released}: all for RELEASE, nothing for REFUND,
     * part for SPLIT), the rest back to the client. @return the amount released
     */
    public Money decide(
            Milestone milestone, Decision decision, Long splitReleased, UUID admin, String note, OffsetDateTime now) {
        if (status != Status.OPEN) {
            throw new ConflictException("dispute-decided", "Dispute decided", "This dispute was decided already.");
        }
        Money whole = milestone.amount();
        Money toProfessional =
                switch (decision) {
                    case RELEASE -> whole;
                    case REFUND -> Money.of(0, whole.currency());
                    case SPLIT -> {
                        if (splitReleased == null || splitReleased <= 0 || splitReleased >= whole.minor()) {
                            throw new InvalidRequestException(
                                    "A split releases part of the milestone: more than 0 and less than " + whole.minor()
                                            + " " + whole.currency() + ".");
                        }
                        yield Money.of(splitReleased, whole.currency());
                    }
                };
        milestone.decided(toProfessional, now);
        this.decision = decision;
        released = toProfessional.minor();
        decidedBy = admin;
        decisionNote = note;
        decidedAt = now;
        status = Status.DECIDED;
        return toProfessional;
    }

    public UUID id() {
        return id;
    }

    public UUID milestoneId() {
        return milestoneId;
    }

    public UUID openedBy() {
        return openedBy;
    }

    public String reason() {
        return reason;
    }

    public Status status() {
        return status;
    }

    public Decision decision() {
        return decision;
    }

    public Long released() {
        return released;
    }

    public UUID decidedBy() {
        return decidedBy;
    }

    public String decisionNote() {
        return decisionNote;
    }

    public OffsetDateTime openedAt() {
        return openedAt;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }

    public long version() {
        return version;
    }
}
