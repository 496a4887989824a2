package dev.atrium.projects.domain;

import dev.atrium.platform.persistence.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One change to a project or one of its tasks; entries are only ever added. */
@Entity
@Table(name = "activity")
public class ActivityEntry {

    @Id
    private UUID id;

    @Column(name = "project_id", nullable = false)
    private UUID projectId;

    @Column(name = "task_id")
    @Convert(converter = NullableUuid.class)
    private UUID taskId;

    @Column(name = "actor_id", nullable = false)
    private UUID actorId;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false)
    private String field;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    protected ActivityEntry() {}

    public ActivityEntry(UUID projectId, UUID taskId, UUID actorId, Change change, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.taskId = taskId;
        this.actorId = actorId;
        this.occurredAt = now;
        this.field = change.field();
        this.oldValue = change.oldValue();
        this.newValue = change.newValue();
    }

    public UUID taskId() {
        return taskId;
    }

    public UUID actorId() {
        return actorId;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String field() {
        return field;
    }

    public String oldValue() {
        return oldValue;
    }

    public String newValue() {
        return newValue;
    }
}
