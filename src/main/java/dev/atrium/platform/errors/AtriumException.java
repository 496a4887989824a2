package dev.atrium.platform.errors;

/**
 * The root of the application's own exceptions. Each subclass is one kind of problem with a fixed HTTP status and
 * problem type; the message is the problem's {@code detail}, so it must be written for the API's caller.
 */
public abstract class AtriumException extends RuntimeException {

    private final int status;
    private final String typeSlug;
    private final String title;

    protected AtriumException(int status, String typeSlug, String title, String detail) {
        super(detail);
        this.status = status;
        this.typeSlug = typeSlug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String typeSlug() {
        return typeSlug;
    }

    public String title() {
        return title;
    }
}
