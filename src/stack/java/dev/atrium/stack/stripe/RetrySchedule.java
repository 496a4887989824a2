package dev.atrium.stack.stripe;

import java.time.Duration;

/**
 * When a webhook delivery that failed (no answer, or not 2xx) is tried again: after {@code first}, doubling each time
 * up to {@code longest}, and not after {@code attempts} attempts in all.
 *
 * @param first the wait after the first failure
 * @param longest the longest wait between two attempts
 * @param attempts how many attempts are made before the delivery is given up
 */
public record RetrySchedule(Duration first, Duration longest, int attempts) {

    public RetrySchedule {
        if (first.isNegative() || longest.compareTo(first) < 0 || attempts < 1) {
            throw new IllegalArgumentException(
                    "A retry schedule waits a positive, growing time and tries at least once");
        }
    }

    /** Development: 1, 2, 4 … seconds, at most a minute apart, ten attempts. */
    public static RetrySchedule standard() {
        return new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(60), 10);
    }

    /** Tests: 0.2 s between attempts, so that a test of a failing receiver finishes in about a second. */
    public static RetrySchedule fast() {
        return new RetrySchedule(Duration.ofMillis(200), Duration.ofMillis(200), 10);
    }

    /** The wait after the given failed attempt (1 for the first). */
    Duration after(int failedAttempt) {
        Duration wait = first;
        for (int i = 1; i < failedAttempt && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
