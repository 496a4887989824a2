package dev.atrium.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Time a member spent on a task on one day. */
@Entity
@Table(name = "time_entry")
public class TimeEntry {

    @Id
    private UUID id;

    @Column(name = "task_id", nullable = false, updatable = false)
    private UUID taskId;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Column(nullable = false)
    private int minutes;

    @Column(name = "spent_on", nullable = false)
    private LocalDate spentOn;

    private String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected TimeEntry() {}

    public TimeEntry(
            UUID projectId,
            UUID taskId,
            UUID memberId,
            int minutes,
            LocalDate spentOn,
            String note,
            OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.taskId = taskId;
        this.memberId = memberId;
        this.minutes = minutes;
        this.spentOn = spentOn;
        this.note = note;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID taskId() {
        return taskId;
    }

    public UUID memberId() {
        return memberId;
    }

    public int minutes() {
        return minutes;
    }

    public LocalDate spentOn() {
        return spentOn;
    }

    public String note() {
        return note;
    }
}
