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

    /**
     * The editable parts of a task, as a merge patch: {@code null} parts stay, parts named in {@code cleared} are
     * cleared (an empty collection, no date, no estimate, no milestone or parent). Status changes go through {@link
     * #move}.
     */
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
            UUID parentId,
            Set<String> cleared) {

        /** The parts that can be cleared, by their API names. */
        public static final Set<String> CLEARABLE = Set.of(
                "description",
                "assignees",
                "labels",
                "startDate",
                "dueDate",
                "estimateMinutes",
                "milestoneId",
                "parentId");

        public Edit {
            cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
        }

        /** Changes nothing is cleared by. */
        public Edit(
                String title,
                String description,
                TaskPriority priority,
                Set<UUID> assignees,
                Set<String> labels,
                LocalDate startDate,
                LocalDate dueDate,
                Integer estimateMinutes,
                UUID milestoneId,
                UUID parentId) {
            this(
                    title,
                    description,
                    priority,
                    assignees,
                    labels,
                    startDate,
                    dueDate,
                    estimateMinutes,
                    milestoneId,
                    parentId,
                    Set.of());
        }

        /** The value a part takes: cleared, the one given, or the current one. */
        <T> T next(String part, T given, T current) {
            return cleared.contains(part) ? null : given != null ? given : current;
        }
    }

    public List<Change> edit(Edit edit, OffsetDateTime now) {
        LocalDate start = edit.next("startDate", edit.startDate(), startDate);
        LocalDate due = edit.next("dueDate", edit.dueDate(), dueDate);
        if (start != null && due != null && due.isBefore(start)) {
            throw new InvalidRequestException("The due date may not be before the start date.");
        }
        if (id.equals(edit.parentId())) {
            throw new InvalidRequestException("A task cannot be its own parent.");
        }
        String nextDescription = edit.next("description", edit.description(), description);
        nextDescription = nextDescription == null || nextDescription.isEmpty() ? null : nextDescription;
        Set<UUID> nextAssignees = edit.next("assignees", edit.assignees(), assignees);
        Set<String> nextLabels = edit.next("labels", edit.labels(), labels);
        nextAssignees = nextAssignees == null ? Set.of() : Set.copyOf(nextAssignees);
        nextLabels = nextLabels == null ? Set.of() : Set.copyOf(nextLabels);
        String nextTitle = edit.title() != null ? edit.title() : title;
        TaskPriority nextPriority = edit.priority() != null ? edit.priority() : priority;
        Integer nextEstimate = edit.next("estimateMinutes", edit.estimateMinutes(), estimateMinutes);
        UUID nextMilestone = edit.next("milestoneId", edit.milestoneId(), milestoneId);
        UUID nextParent = edit.next("parentId", edit.parentId(), parentId);

        List<Change> changes = new ArrayList<>();
        note(changes, "title", title, nextTitle);
        note(changes, "description", description, nextDescription);
        note(changes, "priority", priority, nextPriority);
        note(changes, "assignees", new TreeSet<>(assignees), new TreeSet<>(nextAssignees));
        note(changes, "labels", new TreeSet<>(labels), new TreeSet<>(nextLabels));
        note(changes, "startDate", startDate, start);
        note(changes, "dueDate", dueDate, due);
        note(changes, "estimateMinutes", estimateMinutes, nextEstimate);
        note(changes, "milestone", milestoneId, nextMilestone);
        note(changes, "parent", parentId, nextParent);

        title = nextTitle;
        description = nextDescription;
        priority = nextPriority;
        assignees.clear();
        assignees.addAll(nextAssignees);
        labels.clear();
        labels.addAll(nextLabels);
        startDate = start;
        dueDate = due;
        estimateMinutes = nextEstimate;
        milestoneId = nextMilestone;
        parentId = nextParent;
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

    private static void note(List<Change> changes, String field, Object current, Object next) {
        Change change = Change.of(field, current, next);
        if (change != null) {
            changes.add(change);
        }
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
