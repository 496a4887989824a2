package dev.atrium.platform.errors;

/** The addressed resource does not exist, or the caller may not know that it exists. */
public class ResourceNotFoundException extends AtriumException {

    public ResourceNotFoundException(String detail) {
        super(404, "not-found", "Resource not found", detail);
    }

    /** A more specific kind of absence, e.g. {@code module-not-enabled}. */
    public ResourceNotFoundException(String typeSlug, String title, String detail) {
        super(404, typeSlug, title, detail);
    }
}
