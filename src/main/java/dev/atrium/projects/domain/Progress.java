package dev.atrium.projects.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Progress of a set of tasks (a project, a milestone): how many are in each status, the share done, which are
 * overdue, and a day-by-day series of open and done tasks (burndown and burnup). Cancelled tasks count as neither
 * remaining nor done: they left the scope.
 */
public record Progress(
        Map<TaskStatus, Long> byStatus, long total, long done, int percentDone, long overdue, List<Day> days) {

    /** One day: tasks open and tasks done at its end. */
    public record Day(LocalDate date, long open, long done) {}

    /** The longest series drawn, so that a years-old project still answers quickly. */
    public static final int MAX_DAYS = 366;

    public static Progress of(Collection<Task> tasks, LocalDate from, LocalDate today) {
        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            byStatus.put(status, 0L);
        }
        long overdue = 0;
        for (Task task : tasks) {
            byStatus.merge(task.status(), 1L, Long::sum);
            if (task.isOverdue(today)) {
                overdue++;
            }
        }
        long cancelled = byStatus.get(TaskStatus.CANCELLED);
        long done = byStatus.get(TaskStatus.DONE);
        long inScope = tasks.size() - cancelled;
        int percent = inScope == 0 ? 0 : (int) Math.round(100.0 * done / inScope);
        return new Progress(byStatus, tasks.size(), done, percent, overdue, days(tasks, from, today));
    }

    private static List<Day> days(Collection<Task> tasks, LocalDate from, LocalDate today) {
        List<Day> days = new ArrayList<>();
        LocalDate start = from.isBefore(today.minusDays(MAX_DAYS - 1)) ? today.minusDays(MAX_DAYS - 1) : from;
        for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
            OffsetDateTime end = day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
            long open = 0;
            long done = 0;
            for (Task task : tasks) {
                if (!task.createdAt().isBefore(end)) {
                    continue;
                }
                boolean closedByThen =
                        task.closedAt() != null && task.closedAt().isBefore(end);
                if (!closedByThen) {
                    open++;
                } else if (task.status() == TaskStatus.DONE) {
                    done++;
                }
            }
            days.add(new Day(day, open, done));
        }
        return days;
    }
}
