package dev.atrium.platform.errors;

/** The caller is known but may not do this: wrong role, a token for another tenant, or a tenant that refuses it. */
public class ForbiddenException extends AtriumException {

    public ForbiddenException(String typeSlug, String title, String detail) {
        super(403, typeSlug, title, detail);
    }
}
