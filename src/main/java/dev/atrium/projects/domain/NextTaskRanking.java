package dev.atrium.projects.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which of a member's open tasks to do next. The score adds up, in points:
 *
 * <ul>
 *   <li>priority: 10 × weight (low 10, medium 20, high 30, urgent 40);
 *   <li>due date: overdue 40, due within a day 30, within 3 days 20, within a week 10;
 *   <li>what it unblocks: 5 for each open task waiting for it;
 *   <li>waiting: 1 per day since it was created, at most 14;
 *   <li>blocked: −50 while any task it waits for is still open (it cannot be done yet).
 * </ul>
 *
 * Ties go to the earlier due date, then the older task. docs/projects.md explains the choice of weights.
 */
public final class NextTaskRanking {

    private NextTaskRanking() {}

    /** A task and its score, with the parts that made it up (shown to the member as the reason). */
    public record Ranked(Task task, int score, int priority, int due, int unblocks, int waiting, int blocked) {}

    /**
     * @param openTasks the member's open tasks
     * @param waitingFor for each task, the open tasks it is blocked by
     * @param waitingOn for each task, how many open tasks are blocked by it
     */
    public static List<Ranked> rank(
            List<Task> openTasks, Map<UUID, Set<UUID>> waitingFor, Map<UUID, Integer> waitingOn, LocalDate today) {
        return openTasks.stream()
                .map(task -> score(
                        task,
                        waitingFor.getOrDefault(task.id(), Set.of()).size(),
                        waitingOn.getOrDefault(task.id(), 0),
                        today))
                .sorted(Comparator.comparingInt(Ranked::score)
                        .reversed()
                        .thenComparing(r -> r.task().dueDate(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(r -> r.task().createdAt()))
                .toList();
    }

    static Ranked score(Task task, int openBlockers, int unblocks, LocalDate today) {
        int priority = 10 * task.priority().weight();
        int due = dueScore(task.dueDate(), today);
        int unblocking = 5 * unblocks;
        int waiting = (int) Math.min(
                14, Math.max(0, ChronoUnit.DAYS.between(task.createdAt().toLocalDate(), today)));
        int blocked = openBlockers > 0 ? -50 : 0;
        return new Ranked(
                task, priority + due + unblocking + waiting + blocked, priority, due, unblocking, waiting, blocked);
    }

    static int dueScore(LocalDate dueDate, LocalDate today) {
        if (dueDate == null) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(today, dueDate);
        if (days < 0) {
            return 40;
        }
        if (days <= 1) {
            return 30;
        }
        if (days <= 3) {
            return 20;
        }
        return days <= 7 ? 10 : 0;
    }
}
