package dev.atrium.marketplace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PrivateFeedbackScoreTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    private final PrivateFeedbackScore score = PrivateFeedbackScore.of(UUID.randomUUID(), NOW);

    @Test
    void nothingIsShownUntilAFirstBatchOfAnswersHasGathered() {
        score.add(new PrivateFeedback(9, true), NOW);
        assertTrue(score.summary().isEmpty(), "one answer would be that client's answer");
        score.add(new PrivateFeedback(3, false), NOW);
        assertTrue(score.summary().isEmpty());
        score.add(new PrivateFeedback(6, true), NOW);
        assertEquals(
                new PrivateFeedbackScore.Summary(3, 6.0, 2.0 / 3),
                score.summary().orElseThrow());
    }

    @Test
    void whatIsShownMovesOnlyEveryThreeChangesSoNoSingleAnswerCanBeReadOffIt() {
        for (int i = 0; i < 3; i++) {
            score.add(new PrivateFeedback(8, true), NOW);
        }
        PrivateFeedbackScore.Summary shown = score.summary().orElseThrow();
        score.add(new PrivateFeedback(1, false), NOW);
        assertEquals(shown, score.summary().orElseThrow(), "the fourth answer alone does not move it");
        score.add(new PrivateFeedback(10, true), NOW);
        assertEquals(shown, score.summary().orElseThrow());
        score.add(new PrivateFeedback(4, false), NOW);
        assertEquals(
                new PrivateFeedbackScore.Summary(6, 39.0 / 6, 4.0 / 6),
                score.summary().orElseThrow());
    }

    @Test
    void aWithdrawnAnswerLeavesInABatchToo() {
        PrivateFeedback rude = new PrivateFeedback(1, false);
        score.add(rude, NOW);
        score.add(new PrivateFeedback(9, true), NOW);
        score.add(new PrivateFeedback(8, true), NOW);
        assertEquals(
                new PrivateFeedbackScore.Summary(3, 6.0, 2.0 / 3),
                score.summary().orElseThrow());

        score.withdraw(rude, NOW);
        assertEquals(3, score.summary().orElseThrow().answers(), "withdrawn with the next batch");
        score.add(new PrivateFeedback(7, true), NOW);
        score.add(rude, NOW);
        assertEquals(
                new PrivateFeedbackScore.Summary(4, 25.0 / 4, 3.0 / 4),
                score.summary().orElseThrow());
    }
}
