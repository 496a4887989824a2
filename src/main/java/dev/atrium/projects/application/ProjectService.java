package dev.atrium.projects.application;

import dev.atrium.identity.Members;
import dev.atrium.identity.Members.MemberRef;
import dev.atrium.platform.api.EntityTags;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import dev.atrium.projects.application.Views.ActivityView;
import dev.atrium.projects.application.Views.MilestoneView;
import dev.atrium.projects.application.Views.ProgressView;
import dev.atrium.projects.application.Views.ProjectView;
import dev.atrium.projects.domain.ActivityEntry;
import dev.atrium.projects.domain.Change;
import dev.atrium.projects.domain.Milestone;
import dev.atrium.projects.domain.Progress;
import dev.atrium.projects.domain.Project;
import dev.atrium.projects.domain.ProjectRepository;
import dev.atrium.projects.domain.ProjectRole;
import dev.atrium.projects.domain.ProjectStatus;
import dev.atrium.projects.domain.TaskRepository;
import dev.atrium.projects.domain.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Project use cases: creating, reading, editing, archiving and deleting projects, their members and milestones. */
@ApplicationScoped
@TenantTransactional
public class ProjectService {

    @Inject
    Now clock;

    @Inject
    ProjectRepository projects;

    @Inject
    TaskRepository tasks;

    @Inject
    ProjectAccess access;

    @Inject
    Members members;

    public ProjectView create(Project.Edit details) {
        MemberRef caller = access.caller();
        if (details.name() == null) {
            throw new InvalidRequestException("A project needs a name.");
        }
        OffsetDateTime now = now();
        Project project = new Project(
                details.name(),
                details.visibility() != null ? details.visibility() : Visibility.MEMBERS,
                caller.id(),
                now);
        project.edit(
                new Project.Edit(
                        null,
                        details.description(),
                        details.status(),
                        null,
                        details.startDate(),
                        details.targetDate(),
                        details.labels()),
                now);
        projects.add(project);
        // Activity rows refer to the project; EclipseLink does not order inserts of unrelated entities.
        projects.flush();
        record(project, caller, List.of(new Change("created", null, project.name())), now);
        return ProjectView.of(project, ProjectRole.OWNER);
    }

    public Page<ProjectView> list(ProjectStatus status, PageRequest page) {
        MemberRef caller = access.caller();
        return projects.visibleTo(caller.id(), caller.admin(), status, page)
                .map(project ->
                        ProjectView.of(project, project.roleOf(caller.id()).orElse(null)));
    }

    public ProjectView get(UUID id) {
        ProjectAccess.Granted granted = access.read(id);
        return ProjectView.of(granted.project(), granted.role());
    }

    public ProjectView edit(UUID id, EntityTags.IfMatch ifMatch, Project.Edit edit) {
        ProjectAccess.Granted granted = edit.visibility() != null ? access.manage(id) : access.changeWork(id);
        Project project = granted.project();
        ifMatch.check(project.version());
        OffsetDateTime now = now();
        record(project, granted.caller(), project.edit(edit, now), now);
        projects.flush();
        return ProjectView.of(project, granted.role());
    }

    public ProjectView archive(UUID id) {
        ProjectAccess.Granted granted = access.manage(id);
        OffsetDateTime now = now();
        record(granted.project(), granted.caller(), List.of(granted.project().archive(now)), now);
        projects.flush();
        return ProjectView.of(granted.project(), granted.role());
    }

    public void delete(UUID id) {
        projects.remove(access.delete(id).project());
    }

    public ProjectView assign(UUID id, UUID memberId, ProjectRole role) {
        ProjectAccess.Granted granted = access.manage(id);
        if (members.find(memberId).isEmpty()) {
            throw new InvalidRequestException("There is no member " + memberId + " in this tenant.");
        }
        OffsetDateTime now = now();
        record(granted.project(), granted.caller(), List.of(granted.project().assign(memberId, role, now)), now);
        projects.flush();
        return ProjectView.of(granted.project(), granted.role());
    }

    public ProjectView unassign(UUID id, UUID memberId) {
        ProjectAccess.Granted granted = access.manage(id);
        OffsetDateTime now = now();
        record(granted.project(), granted.caller(), List.of(granted.project().remove(memberId, now)), now);
        projects.flush();
        return ProjectView.of(granted.project(), granted.role());
    }

    public MilestoneView addMilestone(UUID id, String name, String description, LocalDate dueDate) {
        ProjectAccess.Granted granted = access.changeWork(id);
        OffsetDateTime now = now();
        Milestone milestone = new Milestone(id, name, description, dueDate, now);
        projects.add(milestone);
        record(granted.project(), granted.caller(), List.of(new Change("milestone", null, name)), now);
        return MilestoneView.of(milestone, Progress.of(List.of(), now.toLocalDate(), now.toLocalDate()));
    }

    public List<MilestoneView> milestones(UUID id) {
        access.read(id);
        LocalDate today = today();
        return projects.milestones(id).stream()
                .map(m -> MilestoneView.of(m, progressOf(tasks.progressCounts(id, m.id(), today), today)))
                .toList();
    }

    public void removeMilestone(UUID id, UUID milestoneId) {
        ProjectAccess.Granted granted = access.changeWork(id);
        Milestone milestone = projects.milestone(id, milestoneId)
                .orElseThrow(() -> new dev.atrium.platform.errors.ResourceNotFoundException(
                        "There is no milestone " + milestoneId + " in this project."));
        projects.remove(milestone);
        OffsetDateTime now = now();
        record(granted.project(), granted.caller(), List.of(new Change("milestone", milestone.name(), null)), now);
    }

    public ProgressView progress(UUID id) {
        Project project = access.read(id).project();
        LocalDate from = project.startDate() != null
                ? project.startDate()
                : project.createdAt().toLocalDate();
        LocalDate today = today();
        return ProgressView.of(Progress.of(tasks.progressCounts(id, null, today), from, today));
    }

    public Page<ActivityView> activity(UUID id, UUID taskId, PageRequest page) {
        access.read(id);
        return projects.activity(id, taskId, page).map(ActivityView::of);
    }

    private void record(Project project, MemberRef actor, Collection<Change> changes, OffsetDateTime now) {
        changes.stream()
                .filter(Objects::nonNull)
                .forEach(change -> projects.record(new ActivityEntry(project.id(), null, actor.id(), change, now)));
    }

    /** A milestone's progress, its daily series starting when its first task was created. */
    private static Progress progressOf(Progress.Counts counts, LocalDate today) {
        LocalDate from = counts.createdPerDay().keySet().stream()
                .min(LocalDate::compareTo)
                .orElse(today);
        return Progress.of(counts, from, today);
    }

    private OffsetDateTime now() {
        return clock.dateTime();
    }

    private LocalDate today() {
        return clock.date();
    }
}
