package dev.atrium.projects.application;

import dev.atrium.identity.Members.MemberRef;
import dev.atrium.platform.api.EntityTags;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import dev.atrium.projects.application.Views.TaskView;
import dev.atrium.projects.domain.ActivityEntry;
import dev.atrium.projects.domain.BlockingGraph;
import dev.atrium.projects.domain.BoardPosition;
import dev.atrium.projects.domain.Change;
import dev.atrium.projects.domain.Project;
import dev.atrium.projects.domain.ProjectRepository;
import dev.atrium.projects.domain.ProjectScope;
import dev.atrium.projects.domain.Task;
import dev.atrium.projects.domain.TaskFilter;
import dev.atrium.projects.domain.TaskPriority;
import dev.atrium.projects.domain.TaskRepository;
import dev.atrium.projects.domain.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/** Task use cases: the board (create, edit, move), blocking relations, and finding tasks. */
@ApplicationScoped
@TenantTransactional
public class TaskService {

    @Inject
    Now clock;

    /** Subtasks nest at most this deep; deeper chains are refused rather than walked without end. */
    static final int MAX_SUBTASK_DEPTH = 20;

    @Inject
    TaskRepository tasks;

    @Inject
    ProjectRepository projects;

    @Inject
    ProjectAccess access;

    @Inject
    ProjectNotifications notifications;

    public TaskView create(UUID projectId, String title, TaskPriority priority, Task.Edit details) {
        ProjectAccess.Granted granted = access.changeWork(projectId);
        OffsetDateTime now = now();
        long position = BoardPosition.after(
                tasks.lastPosition(projectId, TaskStatus.TODO).orElse(null));
        Task task =
                new Task(projectId, title, priority, position, granted.caller().id(), now);
        checkReferences(granted.project(), task, details);
        task.edit(details, now);
        tasks.add(task);
        // Activity rows refer to the task; EclipseLink does not order inserts of unrelated entities.
        tasks.flush();
        record(granted, task, List.of(new Change("created", null, title)), now);
        tasks.flush();
        notifications.assigned(
                task.assignees(), granted.caller().id(), task, granted.project().name());
        return TaskView.of(task);
    }

    public TaskView get(UUID projectId, UUID taskId) {
        access.read(projectId);
        return TaskView.of(existing(projectId, taskId));
    }

    public Page<TaskView> search(UUID projectId, TaskFilter filter, PageRequest page) {
        access.read(projectId);
        return tasks.search(ProjectScope.of(projectId), filter, page).map(TaskView::of);
    }

    /** The caller's tasks in every project of the tenant they can see. */
    public Page<TaskView> mine(TaskFilter filter, PageRequest page) {
        MemberRef caller = access.caller();
        TaskFilter mine = new TaskFilter(
                filter.status(),
                caller.id(),
                filter.label(),
                filter.priority(),
                filter.milestoneId(),
                filter.dueFrom(),
                filter.dueTo(),
                filter.text());
        return tasks.search(new ProjectScope.VisibleTo(caller.id(), caller.admin()), mine, page)
                .map(TaskView::of);
    }

    public TaskView edit(UUID projectId, UUID taskId, EntityTags.IfMatch ifMatch, Task.Edit edit) {
        ProjectAccess.Granted granted = access.changeWork(projectId);
        Task task = existing(projectId, taskId);
        ifMatch.check(task.version());
        checkReferences(granted.project(), task, edit);
        OffsetDateTime now = now();
        java.util.Set<UUID> assignedBefore = java.util.Set.copyOf(task.assignees());
        record(granted, task, task.edit(edit, now), now);
        tasks.flush();
        java.util.Set<UUID> newlyAssigned = new java.util.HashSet<>(task.assignees());
        newlyAssigned.removeAll(assignedBefore);
        notifications.assigned(
                newlyAssigned, granted.caller().id(), task, granted.project().name());
        return TaskView.of(task);
    }

    /**
     * Moves a task to a column, just before {@code beforeTaskId} (or to the column's end). Takes the gap between the
     * neighbours; only a column without room left is renumbered.
     */
    public TaskView move(UUID projectId, UUID taskId, TaskStatus status, UUID beforeTaskId) {
        ProjectAccess.Granted granted = access.changeWork(projectId);
        Task task = existing(projectId, taskId);
        OffsetDateTime now = now();
        long position = positionFor(projectId, task, status, beforeTaskId);
        record(granted, task, task.move(status, position, now), now);
        tasks.flush();
        return TaskView.of(task);
    }

    public TaskView block(UUID projectId, UUID taskId, UUID blockerId) {
        ProjectAccess.Granted granted = access.changeWork(projectId);
        Task task = existing(projectId, taskId);
        existing(projectId, blockerId);
        if (new BlockingGraph(tasks.blockers(projectId)).wouldCycle(taskId, blockerId)) {
            throw new ConflictException(
                    "blocking-cycle",
                    "Blocking cycle",
                    "Task " + blockerId + " already waits (directly or through others) for task " + taskId
                            + "; it cannot also block it.");
        }
        OffsetDateTime now = now();
        record(granted, task, List.of(task.blockBy(blockerId, now)), now);
        tasks.flush();
        return TaskView.of(task);
    }

    public TaskView unblock(UUID projectId, UUID taskId, UUID blockerId) {
        ProjectAccess.Granted granted = access.changeWork(projectId);
        Task task = existing(projectId, taskId);
        OffsetDateTime now = now();
        record(granted, task, List.of(task.unblock(blockerId, now)), now);
        tasks.flush();
        return TaskView.of(task);
    }

    public void delete(UUID projectId, UUID taskId) {
        ProjectAccess.Granted granted = access.changeWork(projectId);
        Task task = existing(projectId, taskId);
        tasks.remove(task);
        record(granted, null, List.of(new Change("task deleted", task.title(), null)), now());
    }

    private long positionFor(UUID projectId, Task task, TaskStatus status, UUID beforeTaskId) {
        if (beforeTaskId == null) {
            return BoardPosition.after(tasks.lastPosition(projectId, status).orElse(null));
        }
        Task before = existing(projectId, beforeTaskId);
        if (before.status() != status || before.id().equals(task.id())) {
            throw new InvalidRequestException("The task to place this one before must be another task in column "
                    + dev.atrium.platform.api.EnumIds.idOf(status) + ".");
        }
        Long previous =
                tasks.positionBefore(projectId, status, before.position()).orElse(null);
        OptionalLong between = BoardPosition.between(previous, before.position());
        if (between.isPresent()) {
            return between.getAsLong();
        }
        List<Task> column = tasks.column(projectId, status);
        for (int i = 0; i < column.size(); i++) {
            column.get(i).placeAt(BoardPosition.renumbered(i));
        }
        long renumberedBefore = before.position();
        Long renumberedPrevious =
                tasks.positionBefore(projectId, status, renumberedBefore).orElse(null);
        return BoardPosition.between(renumberedPrevious, renumberedBefore).orElseThrow();
    }

    private void checkReferences(Project project, Task task, Task.Edit edit) {
        if (edit.milestoneId() != null
                && projects.milestone(project.id(), edit.milestoneId()).isEmpty()) {
            throw new InvalidRequestException("There is no milestone " + edit.milestoneId() + " in this project.");
        }
        if (edit.parentId() != null) {
            requireParentWithoutCycle(project, task, edit.parentId());
        }
        if (edit.assignees() != null) {
            for (UUID assignee : edit.assignees()) {
                if (project.roleOf(assignee).isEmpty()) {
                    throw new InvalidRequestException("Member " + assignee + " is not a member of this project.");
                }
            }
        }
    }

    /** The parent is another task of the project, and the task is not already one of the parent's ancestors. */
    private void requireParentWithoutCycle(Project project, Task task, UUID parentId) {
        UUID ancestor = parentId;
        for (int depth = 0; ancestor != null; depth++) {
            if (ancestor.equals(task.id()) || depth > MAX_SUBTASK_DEPTH) {
                throw new InvalidRequestException("A task cannot be a subtask of itself or of its own subtasks.");
            }
            ancestor = tasks.find(project.id(), ancestor)
                    .orElseThrow(() -> new InvalidRequestException("The parent must be another task of this project."))
                    .parentId();
        }
    }

    private Task existing(UUID projectId, UUID taskId) {
        return tasks.find(projectId, taskId)
                .orElseThrow(() -> new ResourceNotFoundException("There is no task " + taskId + " in this project."));
    }

    private void record(ProjectAccess.Granted granted, Task task, Collection<Change> changes, OffsetDateTime now) {
        changes.stream()
                .filter(Objects::nonNull)
                .forEach(change -> projects.record(new ActivityEntry(
                        granted.project().id(),
                        task == null ? null : task.id(),
                        granted.caller().id(),
                        change,
                        now)));
    }

    private OffsetDateTime now() {
        return clock.dateTime();
    }
}
