package dev.atrium.projects.application;

import static dev.atrium.projects.application.ProjectService.now;

import dev.atrium.identity.Members.MemberRef;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.projects.domain.CalendarFeed;
import dev.atrium.projects.domain.CollaborationRepository;
import dev.atrium.projects.domain.Milestone;
import dev.atrium.projects.domain.Project;
import dev.atrium.projects.domain.ProjectRepository;
import dev.atrium.projects.domain.Task;
import dev.atrium.projects.domain.TaskRepository;
import dev.atrium.projects.domain.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;

/**
 * A member's iCalendar feed of their tasks' due dates and their projects' milestones, at a secret URL that calendar
 * apps poll without a token. The member issues (or rotates) and revokes the secret.
 */
@ApplicationScoped
@TenantTransactional
public class CalendarFeeds {

    @Inject
    CollaborationRepository collaboration;

    @Inject
    ProjectRepository projects;

    @Inject
    TaskRepository tasks;

    @Inject
    ProjectAccess access;

    @Inject
    CurrentTenant tenant;

    /** Creates the caller's feed, or replaces its secret (the old URL stops working). @return the new secret */
    public String issue() {
        MemberRef caller = access.caller();
        CalendarFeed.Issued issued = CalendarFeed.issue(caller.id(), now());
        collaboration
                .feedOf(caller.id())
                .ifPresentOrElse(feed -> feed.replaceWith(issued.feed()), () -> collaboration.add(issued.feed()));
        return issued.secret();
    }

    public void revoke() {
        collaboration.feedOf(access.caller().id()).ifPresent(collaboration::remove);
    }

    /** The feed behind a secret; an unknown or revoked secret is a 404 like any unknown URL. */
    public String render(String secret) {
        UUID member = collaboration
                .feedWithSecretHash(CalendarFeed.hash(secret))
                .map(CalendarFeed::memberId)
                .orElseThrow(() -> new ResourceNotFoundException("There is no such calendar feed."));
        Set<UUID> visible = access.visibleProjectIds(member, false);
        String slug = tenant.get().slug().value();
        ICalendar calendar = new ICalendar(tenant.get().name() + ": my tasks");
        for (Task task : tasks.assignedTo(member, visible, false, true)) {
            String project = projects.find(task.projectId()).map(Project::name).orElse("");
            calendar.event(
                    "task-" + task.id() + "@" + slug + ".atrium",
                    task.dueDate(),
                    task.title(),
                    project + " · " + dev.atrium.platform.api.EnumIds.idOf(task.status()),
                    task.status() == TaskStatus.CANCELLED);
        }
        for (UUID projectId : visible) {
            Project project = projects.find(projectId).orElseThrow();
            if (project.roleOf(member).isEmpty()) {
                continue;
            }
            for (Milestone milestone : projects.milestones(projectId)) {
                if (milestone.dueDate() != null) {
                    calendar.event(
                            "milestone-" + milestone.id() + "@" + slug + ".atrium",
                            milestone.dueDate(),
                            "Milestone: " + milestone.name(),
                            project.name(),
                            false);
                }
            }
        }
        return calendar.end();
    }
}
