package dev.atrium.projects.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

/**
 * Whether a project will make its target date at its recent pace. The burn rate is the number of tasks closed as
 * done in the last {@value #WINDOW_DAYS} days, per day; the projected finish is today plus the open tasks divided by
 * that rate. A project is at risk when the projected finish is after the target date, or when tasks are open and
 * nothing was finished in the window (no pace at all), or when the target date has passed with tasks open.
 */
public record DeliveryForecast(
        long openTasks,
        double donePerDay,
        LocalDate projectedFinish,
        LocalDate targetDate,
        long daysLate,
        boolean atRisk) {

    public static final int WINDOW_DAYS = 14;

    public static DeliveryForecast of(Collection<Task> tasks, LocalDate targetDate, LocalDate today) {
        OffsetDateTime windowStart =
                today.minusDays(WINDOW_DAYS - 1).atStartOfDay().atOffset(ZoneOffset.UTC);
        long open = tasks.stream().filter(t -> !t.status().isClosed()).count();
        long recentlyDone = tasks.stream()
                .filter(t -> t.status() == TaskStatus.DONE
                        && t.closedAt() != null
                        && !t.closedAt().isBefore(windowStart))
                .count();
        return of(open, recentlyDone, targetDate, today);
    }

    /** From counts a query made: the open tasks, and those done in the window that ends today. */
    public static DeliveryForecast of(long open, long recentlyDone, LocalDate targetDate, LocalDate today) {
        double rate = recentlyDone / (double) WINDOW_DAYS;
        if (open == 0) {
            return new DeliveryForecast(0, rate, today, targetDate, 0, false);
        }
        if (rate == 0) {
            long lateAlready =
                    targetDate == null ? 0 : Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(targetDate, today));
            return new DeliveryForecast(open, 0, null, targetDate, lateAlready, targetDate != null);
        }
        LocalDate finish = today.plusDays((long) Math.ceil(open / rate));
        long late =
                targetDate == null ? 0 : Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(targetDate, finish));
        return new DeliveryForecast(
                open, rate, finish, targetDate, late, targetDate != null && finish.isAfter(targetDate));
    }
}
