package dev.atrium.projects.application;

import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import dev.atrium.projects.domain.CollaborationRepository;
import dev.atrium.projects.domain.ProjectRole;
import dev.atrium.projects.domain.TaskRepository;
import dev.atrium.projects.domain.TimeEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Time logged on tasks, and the totals per task (against the estimate), per member, per week and per project. */
@ApplicationScoped
@TenantTransactional
public class TimeTracking {

    @Inject
    Now clock;

    /** The longest period one report covers. */
    static final int MAX_REPORT_DAYS = 366;

    @Inject
    CollaborationRepository collaboration;

    @Inject
    TaskRepository tasks;

    @Inject
    ProjectAccess access;

    public record TimeEntryView(UUID id, UUID taskId, UUID memberId, int minutes, LocalDate date, String note) {
        static TimeEntryView of(TimeEntry entry) {
            return new TimeEntryView(
                    entry.id(), entry.taskId(), entry.memberId(), entry.minutes(), entry.spentOn(), entry.note());
        }
    }

    public record TaskTime(UUID taskId, String title, Integer estimateMinutes, long loggedMinutes) {}

    public record Report(
            LocalDate from,
            LocalDate to,
            long totalMinutes,
            List<TaskTime> byTask,
            Map<UUID, Long> byMember,
            Map<String, Long> byWeek) {}

    public TimeEntryView log(UUID projectId, UUID taskId, int minutes, LocalDate date, String note) {
        ProjectAccess.Granted granted = access.changeWork(projectId);
        tasks.find(projectId, taskId)
                .orElseThrow(() -> new ResourceNotFoundException("There is no task " + taskId + " in this project."));
        LocalDate day = date != null ? date : today();
        if (day.isAfter(today().plusDays(1))) {
            throw new InvalidRequestException("Time cannot be logged for a day in the future.");
        }
        TimeEntry entry = new TimeEntry(projectId, taskId, granted.caller().id(), minutes, day, note, now());
        collaboration.add(entry);
        return TimeEntryView.of(entry);
    }

    public void delete(UUID projectId, UUID entryId) {
        ProjectAccess.Granted granted = access.changeWork(projectId);
        TimeEntry entry = collaboration
                .timeEntry(projectId, entryId)
                .orElseThrow(() -> new ResourceNotFoundException("There is no time entry " + entryId + "."));
        if (!entry.memberId().equals(granted.caller().id()) && granted.role() != ProjectRole.OWNER) {
            throw new ForbiddenException(
                    "time-entry-owner", "Not your time", "Only its member or a project owner removes a time entry.");
        }
        collaboration.remove(entry);
    }

    public Report report(UUID projectId, LocalDate from, LocalDate to) {
        access.read(projectId);
        LocalDate end = to != null ? to : today();
        LocalDate start = from != null ? from : end.minusDays(89);
        if (start.isAfter(end) || ChronoUnit.DAYS.between(start, end) >= MAX_REPORT_DAYS) {
            throw new InvalidRequestException("A report covers 1 to " + MAX_REPORT_DAYS + " days, from before to.");
        }
        CollaborationRepository.TimeTotals totals = collaboration.timeTotals(projectId, start, end);
        List<TaskTime> byTask = totals.byTask().stream()
                .map(task -> new TaskTime(task.taskId(), task.title(), task.estimateMinutes(), task.minutes()))
                .toList();
        long total =
                totals.byMember().values().stream().mapToLong(Long::longValue).sum();
        return new Report(start, end, total, byTask, totals.byMember(), totals.byIsoWeek());
    }

    /** ISO week, e.g. 2026-W47; the report's weeks are summed in SQL with the same spelling ({@code IYYY-"W"IW}). */
    static String week(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private OffsetDateTime now() {
        return clock.dateTime();
    }

    private LocalDate today() {
        return clock.date();
    }
}
