package dev.atrium.platform.errors;

/** The request is valid but conflicts with the current state of the resource. */
public class ConflictException extends AtriumException {

    public ConflictException(String typeSlug, String title, String detail) {
        super(409, typeSlug, title, detail);
    }
}
