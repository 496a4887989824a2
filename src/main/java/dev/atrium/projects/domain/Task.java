package dev.atrium.projects.domain;

import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.persistence.NullableUuid;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A task of a project: a card on the project's board. Its column is its status and its place in the column its
 * position. Closing (done, cancelled) records when, so that progress and burndown can be drawn.
 */
@Entity
@Table(name = "task")
public class Task {

    @Id
    private UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(name = "milestone_id")
    @Convert(converter = NullableUuid.class)
    private UUID milestoneId;

    @Column(name = "parent_id")
    @Convert(converter = NullableUuid.class)
    private UUID parentId;

    @Column(nullable = false)
    private String title;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskPriority priority;

    @Column(nullable = false)
    private long position;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "estimate_minutes")
    private Integer estimateMinutes;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "task_assignee", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "member_id")
    private Set<UUID> assignees = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "task_label", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "label")
    private Set<String> labels = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "task_blocker", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "blocker_id")
    private Set<UUID> blockedBy = new HashSet<>();

    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Version
    private long version;

    protected Task() {}

    public Task(UUID projectId, String title, TaskPriority priority, long position, UUID creator, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.title = Objects.requireNonNull(title);
        this.status = TaskStatus.TODO;
        this.priority = priority == null ? TaskPriority.MEDIUM : priority;
        this.position = position;
        this.createdBy = creator;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The editable parts of a task; {@code null} parts stay. Status changes go through {@link #move}. */
    public record Edit(
            String title,
            String description,
            TaskPriority priority,
            Set<UUID> assignees,
            Set<String> labels,
            LocalDate startDate,
            LocalDate dueDate,
            Integer estimateMinutes,
            UUID milestoneId,
            UUID parentId) {}

    public List<Change> edit(Edit edit, OffsetDateTime now) {
        LocalDate start = edit.startDate() != null ? edit.startDate() : startDate;
        LocalDate due = edit.dueDate() != null ? edit.dueDate() : dueDate;
        if (start != null && due != null && due.isBefore(start)) {
            throw new InvalidRequestException("The due date may not be before the start date.");
        }
        if (id.equals(edit.parentId())) {
            throw new InvalidRequestException("A task cannot be its own parent.");
        }
        List<Change> changes = new ArrayList<>();
        record(changes, "title", title, edit.title());
        record(changes, "description", description, edit.description());
        record(changes, "priority", priority, edit.priority());
        record(
                changes,
                "assignees",
                new TreeSet<>(assignees),
                edit.assignees() == null ? null : new TreeSet<>(edit.assignees()));
        record(changes, "labels", new TreeSet<>(labels), edit.labels() == null ? null : new TreeSet<>(edit.labels()));
        record(changes, "startDate", startDate, edit.startDate());
        record(changes, "dueDate", dueDate, edit.dueDate());
        record(changes, "estimateMinutes", estimateMinutes, edit.estimateMinutes());
        record(changes, "milestone", milestoneId, edit.milestoneId());
        record(changes, "parent", parentId, edit.parentId());
        if (edit.title() != null) {
            title = edit.title();
        }
        if (edit.description() != null) {
            description = edit.description().isEmpty() ? null : edit.description();
        }
        if (edit.priority() != null) {
            priority = edit.priority();
        }
        if (edit.assignees() != null) {
            assignees.clear();
            assignees.addAll(edit.assignees());
        }
        if (edit.labels() != null) {
            labels.clear();
            labels.addAll(edit.labels());
        }
        startDate = start;
        dueDate = due;
        if (edit.estimateMinutes() != null) {
            estimateMinutes = edit.estimateMinutes();
        }
        if (edit.milestoneId() != null) {
            milestoneId = edit.milestoneId();
        }
        if (edit.parentId() != null) {
            parentId = edit.parentId();
        }
        if (!changes.isEmpty()) {
            updatedAt = now;
        }
        return changes;
    }

    /** Moves the card to a column and a place in it; closing or reopening follows from the column. */
    public List<Change> move(TaskStatus to, long newPosition, OffsetDateTime now) {
        List<Change> changes = new ArrayList<>();
        record(changes, "status", status, to);
        if (to != status) {
            closedAt = to.isClosed() ? now : null;
        }
        status = to;
        position = newPosition;
        updatedAt = now;
        return changes;
    }

    /** Renumbering of a column keeps the order and is not a change anyone made, so it is not recorded. */
    public void placeAt(long newPosition) {
        position = newPosition;
    }

    public Change blockBy(UUID blocker, OffsetDateTime now) {
        if (!blockedBy.add(blocker)) {
            return null;
        }
        updatedAt = now;
        return Change.of("blockedBy", null, blocker);
    }

    public Change unblock(UUID blocker, OffsetDateTime now) {
        if (!blockedBy.remove(blocker)) {
            return null;
        }
        updatedAt = now;
        return Change.of("blockedBy", blocker, null);
    }

    public boolean isOverdue(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today) && !status.isClosed();
    }

    private static void record(List<Change> changes, String field, Object current, Object proposed) {
        if (proposed == null) {
            return;
        }
        Change change = Change.of(field, current, proposed);
        if (change != null) {
            changes.add(change);
        }
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public UUID milestoneId() {
        return milestoneId;
    }

    public UUID parentId() {
        return parentId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public TaskStatus status() {
        return status;
    }

    public TaskPriority priority() {
        return priority;
    }

    public long position() {
        return position;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public Integer estimateMinutes() {
        return estimateMinutes;
    }

    public Set<UUID> assignees() {
        return Set.copyOf(assignees);
    }

    public Set<String> labels() {
        return Set.copyOf(labels);
    }

    public Set<UUID> blockedBy() {
        return Set.copyOf(blockedBy);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public OffsetDateTime closedAt() {
        return closedAt;
    }

    public long version() {
        return version;
    }
}
