package dev.atrium.projects.domain;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Projects, their milestones and their activity in the current tenant. */
public interface ProjectRepository {

    Optional<Project> find(UUID id);

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

    /** Writes pending changes now, so that versions (ETags) in an answer are the ones committed. */
    void flush();
}
