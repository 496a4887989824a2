package dev.atrium.projects.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * What progress is computed from, as the database can sum it: tasks per status, overdue tasks, and per day how
     * many tasks were created, closed, and closed as done (a reopened task has no closing day).
     */
    public record Counts(
            Map<TaskStatus, Long> byStatus,
            long overdue,
            Map<LocalDate, Long> createdPerDay,
            Map<LocalDate, Long> closedPerDay,
            Map<LocalDate, Long> donePerDay) {

        /** The same counts from tasks in memory (the rule the database's sums must agree with). */
        public static Counts of(Collection<Task> tasks, LocalDate today) {
            Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
            Map<LocalDate, Long> created = new TreeMap<>();
            Map<LocalDate, Long> closed = new TreeMap<>();
            Map<LocalDate, Long> done = new TreeMap<>();
            long overdue = 0;
            for (Task task : tasks) {
                byStatus.merge(task.status(), 1L, Long::sum);
                overdue += task.isOverdue(today) ? 1 : 0;
                created.merge(day(task.createdAt()), 1L, Long::sum);
                if (task.closedAt() != null) {
                    closed.merge(day(task.closedAt()), 1L, Long::sum);
                    if (task.status() == TaskStatus.DONE) {
                        done.merge(day(task.closedAt()), 1L, Long::sum);
                    }
                }
            }
            return new Counts(byStatus, overdue, created, closed, done);
        }

        private static LocalDate day(OffsetDateTime at) {
            return at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        }
    }

    public static Progress of(Collection<Task> tasks, LocalDate from, LocalDate today) {
        return of(Counts.of(tasks, today), from, today);
    }

    /** Progress from counts: a day's open tasks are those created by its end and not closed by then. */
    public static Progress of(Counts counts, LocalDate from, LocalDate today) {
        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        for (TaskStatus status : TaskStatus.values()) {
            byStatus.put(status, counts.byStatus().getOrDefault(status, 0L));
        }
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long done = byStatus.get(TaskStatus.DONE);
        long inScope = total - byStatus.get(TaskStatus.CANCELLED);
        int percent = inScope == 0 ? 0 : (int) Math.round(100.0 * done / inScope);
        return new Progress(byStatus, total, done, percent, counts.overdue(), days(counts, from, today));
    }

    private static List<Day> days(Counts counts, LocalDate from, LocalDate today) {
        LocalDate start = from.isBefore(today.minusDays(MAX_DAYS - 1)) ? today.minusDays(MAX_DAYS - 1) : from;
        long created = sumBefore(counts.createdPerDay(), start);
        long closed = sumBefore(counts.closedPerDay(), start);
        long done = sumBefore(counts.donePerDay(), start);
        List<Day> days = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(today); day = day.plusDays(1)) {
            created += counts.createdPerDay().getOrDefault(day, 0L);
            closed += counts.closedPerDay().getOrDefault(day, 0L);
            done += counts.donePerDay().getOrDefault(day, 0L);
            days.add(new Day(day, created - closed, done));
        }
        return days;
    }

    private static long sumBefore(Map<LocalDate, Long> perDay, LocalDate day) {
        return perDay.entrySet().stream()
                .filter(entry -> entry.getKey().isBefore(day))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
