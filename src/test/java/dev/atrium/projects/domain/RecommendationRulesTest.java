package dev.atrium.projects.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecommendationRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final OffsetDateTime NOW = TODAY.atTime(9, 0).atOffset(ZoneOffset.UTC);
    private final UUID project = UUID.randomUUID();
    private final UUID me = UUID.randomUUID();

    private Task task(String title, TaskPriority priority, LocalDate due, int ageDays) {
        Task task = new Task(project, title, priority, 1, me, NOW.minusDays(ageDays));
        if (due != null) {
            task.edit(new Task.Edit(null, null, null, null, null, null, due, null, null, null), NOW);
        }
        return task;
    }

    @Test
    void scoresAddPriorityDueDateUnblockingAndWaiting() {
        Task task = task("Ship", TaskPriority.HIGH, TODAY.plusDays(2), 5);
        NextTaskRanking.Ranked ranked = NextTaskRanking.score(task, 0, 2, TODAY);
        assertEquals(30, ranked.priority());
        assertEquals(20, ranked.due());
        assertEquals(10, ranked.unblocks());
        assertEquals(5, ranked.waiting());
        assertEquals(65, ranked.score());
    }

    @Test
    void dueDateScoreGrowsAsTheDateNears() {
        assertEquals(40, NextTaskRanking.dueScore(TODAY.minusDays(1), TODAY));
        assertEquals(30, NextTaskRanking.dueScore(TODAY.plusDays(1), TODAY));
        assertEquals(20, NextTaskRanking.dueScore(TODAY.plusDays(3), TODAY));
        assertEquals(10, NextTaskRanking.dueScore(TODAY.plusDays(7), TODAY));
        assertEquals(0, NextTaskRanking.dueScore(TODAY.plusDays(8), TODAY));
        assertEquals(0, NextTaskRanking.dueScore(null, TODAY));
    }

    @Test
    void blockedTasksSinkAndUnblockingTasksRise() {
        Task blocked = task("Blocked urgent", TaskPriority.URGENT, TODAY, 1);
        Task unblocking = task("Unblocks three", TaskPriority.MEDIUM, null, 1);
        Task plain = task("Plain", TaskPriority.MEDIUM, null, 1);

        List<NextTaskRanking.Ranked> ranked = NextTaskRanking.rank(
                List.of(blocked, plain, unblocking),
                Map.of(blocked.id(), Set.of(UUID.randomUUID())),
                Map.of(unblocking.id(), 3),
                TODAY);

        assertEquals(
                List.of("Unblocks three", "Blocked urgent", "Plain"),
                ranked.stream().map(r -> r.task().title()).toList());
        assertEquals(-50, ranked.get(1).blocked());
    }

    @Test
    void waitingCountsAtMostTwoWeeks() {
        assertEquals(
                14,
                NextTaskRanking.score(task("Old", TaskPriority.LOW, null, 90), 0, 0, TODAY)
                        .waiting());
    }

    @Test
    void forecastIsOnTrackWhenThePaceFinishesBeforeTheTarget() {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            Task done = task("done " + i, TaskPriority.LOW, null, 20);
            done.move(TaskStatus.DONE, 1, NOW.minusDays(i % 10));
            tasks.add(done);
        }
        for (int i = 0; i < 10; i++) {
            tasks.add(task("open " + i, TaskPriority.LOW, null, 20));
        }
        DeliveryForecast forecast = DeliveryForecast.of(tasks, TODAY.plusDays(30), TODAY);
        assertEquals(1.0, forecast.donePerDay());
        assertEquals(TODAY.plusDays(10), forecast.projectedFinish());
        assertFalse(forecast.atRisk());

        DeliveryForecast tight = DeliveryForecast.of(tasks, TODAY.plusDays(5), TODAY);
        assertTrue(tight.atRisk());
        assertEquals(5, tight.daysLate());
    }

    @Test
    void noRecentProgressWithOpenTasksIsARisk() {
        DeliveryForecast stalled =
                DeliveryForecast.of(List.of(task("open", TaskPriority.LOW, null, 30)), TODAY.plusDays(60), TODAY);
        assertTrue(stalled.atRisk());
        assertNull(stalled.projectedFinish());
        DeliveryForecast finished = DeliveryForecast.of(List.of(), TODAY.minusDays(3), TODAY);
        assertFalse(finished.atRisk());
    }

    @Test
    void mentionsAreMemberIdsAfterAnAtSign() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        assertEquals(
                Set.of(ada, bob), Comment.mentionsIn("@" + ada + " please review with @" + bob + ", thanks @nobody"));
    }
}
