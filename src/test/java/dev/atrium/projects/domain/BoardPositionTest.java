package dev.atrium.projects.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BoardPositionTest {

    @Test
    void appendsAStepAfterTheLastTask() {
        assertEquals(BoardPosition.STEP, BoardPosition.after(null));
        assertEquals(3 * BoardPosition.STEP, BoardPosition.after(2 * BoardPosition.STEP));
    }

    @Test
    void takesTheMidpointBetweenNeighbours() {
        assertEquals(OptionalLong.of(150), BoardPosition.between(100L, 200L));
        assertEquals(OptionalLong.of(50), BoardPosition.between(null, 100L));
        assertEquals(OptionalLong.of(100 + BoardPosition.STEP), BoardPosition.between(100L, null));
    }

    @Test
    void reportsAFullGapSoTheColumnIsRenumbered() {
        assertTrue(BoardPosition.between(100L, 101L).isEmpty());
        assertTrue(BoardPosition.between(null, 1L).isEmpty());
    }

    @Test
    void aGapTakesAboutTwentyMovesBeforeRenumbering() {
        long low = BoardPosition.STEP;
        long high = 2 * BoardPosition.STEP;
        int moves = 0;
        OptionalLong next = BoardPosition.between(low, high);
        while (next.isPresent()) {
            high = next.getAsLong();
            moves++;
            next = BoardPosition.between(low, high);
        }
        assertEquals(20, moves);
    }
}
