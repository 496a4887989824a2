package dev.atrium.projects.application;

import dev.atrium.identity.Members.MemberRef;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.time.Now;
import dev.atrium.projects.domain.CalendarFeed;
import dev.atrium.projects.domain.CollaborationRepository;
import dev.atrium.projects.domain.Milestone;
import dev.atrium.projects.domain.ProjectRepository;
import dev.atrium.projects.domain.ProjectScope;
import dev.atrium.projects.domain.Task;
import dev.atrium.projects.domain.TaskRepository;
import dev.atrium.projects.domain.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A member's iCalendar feed of their tasks' due dates and their projects' milestones, at a secret URL that calendar
 * apps poll without a token. The member issues (or rotates) and revokes the secret.
 */
@ApplicationScoped
@TenantTransactional
public class CalendarFeeds {

    @Inject
    Now clock;

    /** A feed holds at most this many dated tasks, soonest first: calendar apps poll it, so it stays small. */
    static final int MAX_EVENTS = 1000;

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
        String slug = tenant.get().slug().value();
        ICalendar calendar = new ICalendar(tenant.get().name() + ": my tasks", now());
        List<Task> dated = tasks.assignedTo(member, new ProjectScope.VisibleTo(member, false), false, true, MAX_EVENTS);
        Map<UUID, String> projectNames =
                projects.names(dated.stream().map(Task::projectId).collect(Collectors.toSet()));
        for (Task task : dated) {
            calendar.event(
                    "task-" + task.id() + "@" + slug + ".atrium",
                    task.dueDate(),
                    task.title(),
                    projectNames.getOrDefault(task.projectId(), "") + " · "
                            + dev.atrium.platform.api.EnumIds.idOf(task.status()),
                    task.status() == TaskStatus.CANCELLED);
        }
        List<Milestone> milestones = projects.datedMilestonesOf(member);
        Map<UUID, String> milestoneProjects =
                projects.names(milestones.stream().map(Milestone::projectId).collect(Collectors.toSet()));
        for (Milestone milestone : milestones) {
            calendar.event(
                    "milestone-" + milestone.id() + "@" + slug + ".atrium",
                    milestone.dueDate(),
                    "Milestone: " + milestone.name(),
                    milestoneProjects.getOrDefault(milestone.projectId(), ""),
                    false);
        }
        return calendar.end();
    }

    private OffsetDateTime now() {
        return clock.dateTime();
    }
}
