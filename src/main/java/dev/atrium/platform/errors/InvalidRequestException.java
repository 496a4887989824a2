package dev.atrium.platform.errors;

/** The request breaks a rule that Bean Validation on the request record cannot express. */
public class InvalidRequestException extends AtriumException {

    public InvalidRequestException(String detail) {
        super(400, "invalid-request", "Invalid request", detail);
    }

    /** With a problem type of its own, for a refusal clients tell apart ({@code upload-size-mismatch}). */
    public InvalidRequestException(String typeSlug, String title, String detail) {
        super(400, typeSlug, title, detail);
    }
}
