package dev.atrium.platform.time;

import java.time.Duration;

/**
 * Exponential backoff for work that failed and is tried again (outbox deliveries, jobs): the first retry after
 * {@code first}, each next one twice as late, never later than {@code longest}.
 */
public record Backoff(Duration first, Duration longest) {

    public Backoff {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < first <= longest, not " + first + " / " + longest);
        }
    }

    /** The wait before the next attempt, after {@code failedAttempts} (1 or more) attempts have failed. */
    public Duration after(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts, 1) - 1, 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
