package dev.atrium.platform.errors;

/** A caller past a rate limit: 429, with {@code Retry-After} saying when the next request will be taken. */
public class TooManyRequestsException extends AtriumException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String typeSlug, String title, String detail, long retryAfterSeconds) {
        super(429, typeSlug, title, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
