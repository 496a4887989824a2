package dev.atrium.platform.errors;

import java.net.URI;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that decides how a problem is logged: client errors at FINE (DEBUG), server errors at SEVERE
 * with their stack trace and the same {@code instance} id the caller sees, so that a support request quoting the
 * id finds the log entry.
 */
final class ProblemLog {

    private static final Logger LOG = Logger.getLogger(ProblemLog.class.getName());

    private ProblemLog() {}

    static Problem clientError(Problem problem) {
        LOG.log(Level.FINE, "{0} {1}: {2}", new Object[] {problem.status(), problem.instance(), problem.detail()});
        return problem;
    }

    /**
     * A server error the application anticipated (an upstream system failed): its detail is written for the caller
     * and kept; the cause goes only to the log, under the instance id.
     */
    static Problem serverError(AtriumException exception) {
        URI instance = URI.create("urn:uuid:" + UUID.randomUUID());
        LOG.log(Level.SEVERE, "Request failed, problem instance " + instance, exception);
        return Problem.of(
                exception.typeSlug(), exception.title(), exception.status(), exception.getMessage(), instance);
    }

    /** A dependency briefly unavailable (the database's connections were lost): worth a retry, logged at WARNING. */
    static Problem unavailable(Throwable cause) {
        URI instance = URI.create("urn:uuid:" + UUID.randomUUID());
        LOG.log(Level.WARNING, "Request failed on an unavailable database, problem instance " + instance, cause);
        return Problem.of(
                "service-unavailable",
                "Service unavailable",
                503,
                "The database is briefly unavailable; retry after the number of seconds in Retry-After.",
                instance);
    }

    /** A server error: logs the cause under a fresh id and returns a problem that reveals nothing but that id. */
    static Problem serverError(int status, Throwable cause) {
        URI instance = URI.create("urn:uuid:" + UUID.randomUUID());
        LOG.log(Level.SEVERE, "Request failed, problem instance " + instance, cause);
        String title = status == 503 ? "Service unavailable" : "Internal server error";
        return Problem.of(
                status == 503 ? "service-unavailable" : "internal-error",
                title,
                status,
                "The request could not be completed. Quote the instance id when reporting this problem.",
                instance);
    }
}
