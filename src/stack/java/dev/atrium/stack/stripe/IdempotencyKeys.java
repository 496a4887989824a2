package dev.atrium.stack.stripe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stripe's idempotent requests: a POST with an {@code Idempotency-Key} is answered once; the same key with the same
 * parameters replays that answer (status and body), the same key with other parameters is refused. Keys are kept 24
 * hours, in memory only (a restarted server forgets them).
 */
final class IdempotencyKeys {

    static final Duration KEPT = Duration.ofHours(24);

    /** A kept answer and what request it answered. */
    record Answer(String request, int status, String body, Instant at) {}

    private final Clock clock;
    private final Map<String, Answer> answers = new LinkedHashMap<>();

    IdempotencyKeys(Clock clock) {
        this.clock = clock;
    }

    /**
     * The kept answer for this key and request, or null for a new key; refuses a key first used for another request.
     */
    Answer replay(String key, String request) {
        forgetExpired();
        Answer answer = answers.get(key);
        if (answer != null && !answer.request().equals(request)) {
            throw ApiError.idempotencyMismatch(key);
        }
        return answer;
    }

    void keep(String key, String request, int status, String body) {
        answers.put(key, new Answer(request, status, body, clock.instant()));
    }

    private void forgetExpired() {
        Instant oldest = clock.instant().minus(KEPT);
        answers.values().removeIf(answer -> answer.at().isBefore(oldest));
    }
}
