package dev.atrium.projects.domain;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Tasks of the current tenant's projects. */
public interface TaskRepository {

    Optional<Task> find(UUID projectId, UUID taskId);

    void add(Task task);

    void remove(Task task);

    /** The highest position in a column, if the column has tasks. */
    Optional<Long> lastPosition(UUID projectId, TaskStatus status);

    /** The position of the task just before {@code position} in a column, if any. */
    Optional<Long> positionBefore(UUID projectId, TaskStatus status, long position);

    /** A whole column in board order, for renumbering. */
    List<Task> column(UUID projectId, TaskStatus status);

    /** For each task of the project that is blocked, the tasks blocking it. */
    Map<UUID, Set<UUID>> blockers(UUID projectId);

    /** Tasks in the scope matching the filter: by board order, or by full-text rank when the filter has text. */
    Page<Task> search(ProjectScope scope, TaskFilter filter, PageRequest page);

    /** What the progress of a project (or of one of its milestones) is computed from, summed in the database. */
    Progress.Counts progressCounts(UUID projectId, UUID milestoneId, LocalDate today);

    /**
     * Tasks assigned to a member in the scope, soonest due first: open ones only, or only those with a due date; at
     * most {@code limit}.
     */
    List<Task> assignedTo(UUID member, ProjectScope scope, boolean openOnly, boolean datedOnly, int limit);

    /** For each of the given tasks that waits for open tasks, those tasks. */
    Map<UUID, Set<UUID>> openBlockersOf(Set<UUID> taskIds);

    /** For each of the given tasks, how many open tasks wait for it. */
    Map<UUID, Integer> openTasksWaitingOn(Set<UUID> taskIds);

    /** Writes pending changes now, so that versions (ETags) in an answer are the ones committed. */
    void flush();
}
