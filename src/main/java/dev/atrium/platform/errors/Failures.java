package dev.atrium.platform.errors;

/** How a failure is recorded for an operator (a failed delivery's or job's last error): its kind and message. */
public final class Failures {

    private static final int MAX_LENGTH = 2000;

    private Failures() {}

    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text;
    }
}
