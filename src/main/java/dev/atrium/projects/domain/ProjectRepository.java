package dev.atrium.projects.domain;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Projects, their milestones and their activity in the current tenant. */
public interface ProjectRepository {

    Optional<Project> find(UUID id);

    /** What an access check needs, in one row: the project's visibility and status, and the member's role in it. */
    record AccessRow(Visibility visibility, ProjectStatus status, ProjectRole role) {}

    Optional<AccessRow> access(UUID projectId, UUID member);

    /** The names of the given projects (one query), for feeds and lists that show a task's project. */
    Map<UUID, String> names(Set<UUID> projectIds);

    /** A project's pace: open tasks, and tasks done since {@code since}; for delivery forecasts. */
    record Pace(UUID projectId, String name, LocalDate targetDate, long openTasks, long doneSince) {}

    /**
     * The pace of every project with a target date that is neither done nor archived and that the member can see (all
     * of them for {@code everything}): one aggregate query.
     */
    List<Pace> paces(UUID member, boolean everything, OffsetDateTime since);

    /** Milestones with a due date in the live projects the member belongs to. */
    List<Milestone> datedMilestonesOf(UUID member);

    void add(Project project);

    void remove(Project project);

    /** Projects the member may see (all of them for {@code everything}), newest first, optionally in one status. */
    Page<Project> visibleTo(UUID member, boolean everything, ProjectStatus status, PageRequest page);

    Optional<Milestone> milestone(UUID projectId, UUID milestoneId);

    List<Milestone> milestones(UUID projectId);

    void add(Milestone milestone);

    void remove(Milestone milestone);

    void record(ActivityEntry entry);

    /** Activity of a project, or of one of its tasks when {@code taskId} is given; newest first. */
    Page<ActivityEntry> activity(UUID projectId, UUID taskId, PageRequest page);

    /**
     * Lets go of a member who left the tenant, in a few bounded statements: their project memberships, their
     * assignments on tasks still open (finished tasks keep who did them), and their calendar feed; each membership and
     * assignment dropped is written to the activity history, by {@code actor}.
     */
    void releaseMember(UUID member, UUID actor, OffsetDateTime now);

    /** Writes pending changes now, so that versions (ETags) in an answer are the ones committed. */
    void flush();
}
