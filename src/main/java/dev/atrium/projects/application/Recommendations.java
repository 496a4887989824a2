package dev.atrium.projects.application;

import dev.atrium.identity.Members.MemberRef;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import dev.atrium.projects.application.Views.TaskView;
import dev.atrium.projects.domain.DeliveryForecast;
import dev.atrium.projects.domain.NextTaskRanking;
import dev.atrium.projects.domain.ProjectRepository;
import dev.atrium.projects.domain.ProjectScope;
import dev.atrium.projects.domain.Task;
import dev.atrium.projects.domain.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What to do next, and which projects are likely to miss their target date (docs/projects.md: the scoring). */
@ApplicationScoped
@TenantTransactional
public class Recommendations {

    @Inject
    Now clock;

    /** The most tasks one answer recommends. */
    static final int LIMIT = 20;

    /** The open tasks ranked for "what next", soonest due first: a member with more has a backlog, not a choice. */
    static final int CANDIDATES = 500;

    @Inject
    TaskRepository tasks;

    @Inject
    ProjectRepository projects;

    @Inject
    ProjectAccess access;

    public record NextTask(TaskView task, int score, Reasons reasons) {}

    /** The parts of a score, so that a frontend can say why a task is suggested. */
    public record Reasons(int priority, int due, int unblocks, int waiting, int blocked) {}

    public record AtRiskProject(
            UUID projectId,
            String name,
            LocalDate targetDate,
            long openTasks,
            double donePerDay,
            LocalDate projectedFinish,
            long daysLate) {}

    public List<NextTask> nextTasks() {
        MemberRef caller = access.caller();
        List<Task> open = tasks.assignedTo(
                caller.id(), new ProjectScope.VisibleTo(caller.id(), caller.admin()), true, false, CANDIDATES);
        Set<UUID> ids = open.stream().map(Task::id).collect(Collectors.toSet());
        return NextTaskRanking.rank(open, tasks.openBlockersOf(ids), tasks.openTasksWaitingOn(ids), today()).stream()
                .limit(LIMIT)
                .map(r -> new NextTask(
                        TaskView.of(r.task()),
                        r.score(),
                        new Reasons(r.priority(), r.due(), r.unblocks(), r.waiting(), r.blocked())))
                .toList();
    }

    public List<AtRiskProject> atRiskProjects() {
        MemberRef caller = access.caller();
        LocalDate today = today();
        OffsetDateTime windowStart =
                today.minusDays(DeliveryForecast.WINDOW_DAYS - 1).atStartOfDay().atOffset(ZoneOffset.UTC);
        return projects.paces(caller.id(), caller.admin(), windowStart).stream()
                .map(pace -> forecast(pace, today))
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparingLong(AtRiskProject::daysLate).reversed())
                .limit(LIMIT)
                .toList();
    }

    private static AtRiskProject forecast(ProjectRepository.Pace pace, LocalDate today) {
        DeliveryForecast forecast = DeliveryForecast.of(pace.openTasks(), pace.doneSince(), pace.targetDate(), today);
        if (!forecast.atRisk()) {
            return null;
        }
        return new AtRiskProject(
                pace.projectId(),
                pace.name(),
                pace.targetDate(),
                forecast.openTasks(),
                forecast.donePerDay(),
                forecast.projectedFinish(),
                forecast.daysLate());
    }

    private LocalDate today() {
        return clock.date();
    }
}
