package dev.atrium.platform.errors;

/**
 * Optimistic concurrency: the client's copy is stale ({@code If-Match} names an older version, 412) or the client did
 * not say which version it changes ({@code If-Match} missing, 428). Nothing was written.
 */
public class PreconditionFailedException extends AtriumException {

    private PreconditionFailedException(int status, String typeSlug, String title, String detail) {
        super(status, typeSlug, title, detail);
    }

    public static PreconditionFailedException stale(String what) {
        return new PreconditionFailedException(
                412,
                "stale-version",
                "Changed by someone else",
                what + " has changed since you read it. Read it again (for its new ETag) and repeat the change.");
    }

    public static PreconditionFailedException required(String what) {
        return new PreconditionFailedException(
                428,
                "if-match-required",
                "If-Match required",
                "Changing " + what + " requires an If-Match header with the ETag of the version you read.");
    }
}
