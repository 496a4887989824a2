package dev.atrium.platform.audit;

import dev.atrium.platform.persistence.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a tenant's own audit log (in the tenant's schema). */
@Entity
@Table(name = "admin_audit")
public class TenantAuditEntry {

    @Id
    private UUID id;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "actor_id")
    @Convert(converter = NullableUuid.class)
    private UUID actorId;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(nullable = false)
    private String action;

    private String target;
    private String detail;

    protected TenantAuditEntry() {}

    TenantAuditEntry(UUID actorId, String actorName, String action, String target, String detail, OffsetDateTime at) {
        this.id = UUID.randomUUID();
        this.occurredAt = at;
        this.actorId = actorId;
        this.actorName = actorName;
        this.action = action;
        this.target = target;
        this.detail = detail;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public UUID actorId() {
        return actorId;
    }

    public String actorName() {
        return actorName;
    }

    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    public String detail() {
        return detail;
    }
}
