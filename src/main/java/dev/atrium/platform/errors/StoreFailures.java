package dev.atrium.platform.errors;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a failure from the database means for the caller, whatever wraps it (EclipseLink, JTA's commit, CDI's
 * transactional interceptor). Used by the catch-all mapper, so that a failure at flush or commit time is answered
 * like the same failure inside a use case: a concurrent change is 412, a constraint broken by a concurrent request is
 * 409, and a lost or refused connection (failover, restart, an exhausted pool) is 503 with {@code Retry-After}.
 */
public final class StoreFailures {

    /** The kinds of database failure a caller can act on. */
    enum Kind {
        STALE_VERSION,
        CONFLICT,
        UNAVAILABLE
    }

    /** Connection failures, the server shutting a session down or not taking new ones, and retryable aborts. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01");

    private StoreFailures() {}

    /** A connection the database closed or refused (failover, restart): nothing of the transaction is applied. */
    public static boolean isConnectionLoss(Throwable failure) {
        return classify(failure).filter(kind -> kind == Kind.UNAVAILABLE).isPresent();
    }

    static Optional<Kind> classify(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof OptimisticLockException
                    || cause.getClass()
                            .getName()
                            .equals("org.eclipse.persistence.exceptions.OptimisticLockException")) {
                return Optional.of(Kind.STALE_VERSION);
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.startsWith("23")) {
                    return Optional.of(Kind.CONFLICT);
                }
                if (state.startsWith("08")
                        || UNAVAILABLE_STATES.contains(state)
                        || sql instanceof SQLTransientException) {
                    return Optional.of(Kind.UNAVAILABLE);
                }
            }
        }
        return Optional.empty();
    }
}
