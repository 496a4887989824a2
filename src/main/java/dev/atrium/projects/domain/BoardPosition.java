package dev.atrium.projects.domain;

import java.util.OptionalLong;

/**
 * Positions of tasks inside a board column. They are sparse ({@link #STEP} apart when assigned in order), so a task
 * moved between two others takes the midpoint and no other task is rewritten. Only when two neighbours have no gap
 * left is the column renumbered, which repeated moves into the same gap make rare (about 20 moves in a row).
 */
public final class BoardPosition {

    public static final long STEP = 1L << 20;

    private BoardPosition() {}

    /** After the last task of a column (or first, in an empty one). */
    public static long after(Long last) {
        return last == null ? STEP : last + STEP;
    }

    /**
     * A position strictly between two neighbours ({@code null}: the column's start or end), or empty when there is
     * no room left and the column must be renumbered first.
     */
    public static OptionalLong between(Long previous, Long next) {
        if (next == null) {
            return OptionalLong.of(after(previous));
        }
        long low = previous == null ? 0 : previous;
        if (next - low < 2) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(low + (next - low) / 2);
    }

    /** The position of the task at {@code index} when a column is renumbered. */
    public static long renumbered(int index) {
        return (index + 1L) * STEP;
    }
}
