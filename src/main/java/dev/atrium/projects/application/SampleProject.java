package dev.atrium.projects.application;

import dev.atrium.identity.Members;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.domain.TenantOnboarded;
import dev.atrium.platform.time.Now;
import dev.atrium.projects.domain.ActivityEntry;
import dev.atrium.projects.domain.BoardPosition;
import dev.atrium.projects.domain.Change;
import dev.atrium.projects.domain.Milestone;
import dev.atrium.projects.domain.Project;
import dev.atrium.projects.domain.ProjectRepository;
import dev.atrium.projects.domain.ProjectStatus;
import dev.atrium.projects.domain.Task;
import dev.atrium.projects.domain.TaskPriority;
import dev.atrium.projects.domain.TaskRepository;
import dev.atrium.projects.domain.TaskStatus;
import dev.atrium.projects.domain.Visibility;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Example content for tenants onboarded with sample data (the demo tenants): one project, visible to the whole
 * tenant and owned by the first admin, with a milestone and tasks spread over the board.
 */
@ApplicationScoped
public class SampleProject {

    @Inject
    Now clock;

    @Inject
    Members members;

    @Inject
    ProjectRepository projects;

    @Inject
    TaskRepository tasks;

    @TenantTransactional
    void seed(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) TenantOnboarded onboarded) {
        if (!onboarded.sampleData()) {
            return;
        }
        UUID owner = members.withSubject(onboarded.adminSubject()).orElseThrow().id();
        OffsetDateTime now = now();
        LocalDate today = today();
        Project project =
                new Project("Getting started with " + onboarded.tenant().name(), Visibility.TENANT, owner, now);
        project.edit(
                new Project.Edit(
                        null,
                        "An example project: move tasks across the board, comment, log time, and watch the progress.",
                        ProjectStatus.ACTIVE,
                        null,
                        today.minusDays(7),
                        today.plusDays(28),
                        Set.of("example")),
                now);
        projects.add(project);
        projects.flush(); // milestone and tasks refer to it; EclipseLink does not order unrelated inserts
        Milestone launch = new Milestone(project.id(), "First month", "Everyone on board", today.plusDays(21), now);
        projects.add(launch);
        projects.flush();
        List<Object[]> plan = List.of(
                new Object[] {"Invite your members", TaskStatus.DONE, TaskPriority.HIGH, -3},
                new Object[] {"Set up the branding", TaskStatus.DONE, TaskPriority.MEDIUM, -1},
                new Object[] {"Plan the first month", TaskStatus.IN_PROGRESS, TaskPriority.HIGH, 2},
                new Object[] {"Write a welcome post", TaskStatus.IN_REVIEW, TaskPriority.MEDIUM, 4},
                new Object[] {"Subscribe to your calendar feed", TaskStatus.TODO, TaskPriority.LOW, 10},
                new Object[] {"Try the kanban board", TaskStatus.TODO, TaskPriority.MEDIUM, 14});
        long position = 0;
        for (Object[] step : plan) {
            position += BoardPosition.STEP;
            Task task = new Task(project.id(), (String) step[0], (TaskPriority) step[2], position, owner, now);
            task.edit(
                    new Task.Edit(
                            null,
                            null,
                            null,
                            Set.of(owner),
                            Set.of("example"),
                            null,
                            today.plusDays((Integer) step[3]),
                            60,
                            launch.id(),
                            null),
                    now);
            task.move((TaskStatus) step[1], position, now);
            tasks.add(task);
        }
        projects.record(new ActivityEntry(project.id(), null, owner, new Change("created", null, project.name()), now));
    }

    private OffsetDateTime now() {
        return clock.dateTime();
    }

    private LocalDate today() {
        return clock.date();
    }
}
