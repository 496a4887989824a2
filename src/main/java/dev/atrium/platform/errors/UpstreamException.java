package dev.atrium.platform.errors;

/**
 * A system the platform depends on (Keycloak, the database) failed or could not be reached. Answered as 502 with a
 * detail that says what the caller can do; the cause is logged, never returned.
 */
public class UpstreamException extends AtriumException {

    public UpstreamException(String typeSlug, String title, String detail, Throwable cause) {
        super(502, typeSlug, title, detail);
        initCause(cause);
    }
}
