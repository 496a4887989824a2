package dev.atrium.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1));

    @Test
    void doublesFromTheFirstWaitAndStopsAtTheLongest() {
        assertEquals(Duration.ofSeconds(2), backoff.after(1));
        assertEquals(Duration.ofSeconds(4), backoff.after(2));
        assertEquals(Duration.ofSeconds(32), backoff.after(5));
        assertEquals(Duration.ofMinutes(1), backoff.after(6));
        assertEquals(Duration.ofMinutes(1), backoff.after(Integer.MAX_VALUE));
    }

    @Test
    void anAttemptCountBelowOneCountsAsTheFirst() {
        assertEquals(Duration.ofSeconds(2), backoff.after(0));
    }

    @Test
    void refusesAFirstWaitThatIsNotPositiveOrLongerThanTheLongest() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
