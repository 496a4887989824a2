package dev.atrium.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * Waits for work the application does after answering (outbox deliveries, jobs): asks every 50 ms until the answer
 * is there, and fails with the last answer seen when it is not there in time. Not a sleep: it returns as soon as the
 * outcome exists, so a fast system makes a fast test.
 */
public final class Await {

    private Await() {}

    public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> outcome = check.get();
            if (outcome.isPresent()) {
                return outcome.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionFailedError("Not within " + timeout + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("Interrupted while waiting for " + what);
            }
        }
    }
}
