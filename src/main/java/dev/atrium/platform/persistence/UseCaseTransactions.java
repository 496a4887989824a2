package dev.atrium.platform.persistence;

import dev.atrium.platform.errors.StoreFailures;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

/**
 * The transaction of a use case: begins one if none is running (an enclosing one is joined), runs the use case in it
 * after {@code opening} (for tenant use cases: the tenant gate), and commits, or rolls back on any exception. A use
 * case that found its connection closed by the database before committing is run once more.
 *
 * <p>Why not {@code @Transactional}: Liberty's interceptor for it writes an FFDC incident file for every exception
 * that leaves a transactional method, so every ordinary 404 or 409 left a file on disk. Failures at commit reach the
 * caller with their database cause, which the error mappers turn into 409, 412 or 503.
 */
@ApplicationScoped
public class UseCaseTransactions {

    @Resource
    UserTransaction transaction;

    /** What runs first inside the transaction, before the use case. */
    @FunctionalInterface
    public interface Opening {
        void open();
    }

    public Object run(InvocationContext invocation, Opening opening) throws Exception {
        if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
            opening.open();
            return invocation.proceed();
        }
        try {
            return inNewTransaction(invocation, opening);
        } catch (RuntimeException failed) {
            if (!StoreFailures.isConnectionLoss(failed) || failed instanceof TransactionFailedException) {
                throw failed;
            }
            // The pool handed out a connection the database had closed (failover, restart): the transaction was
            // rolled back before it committed, the pool has dropped its connections, so the use case runs once more
            // on a fresh one. A failure at commit is never repeated: the commit may have happened.
            return inNewTransaction(invocation, opening);
        }
    }

    private Object inNewTransaction(InvocationContext invocation, Opening opening) throws Exception {
        transaction.begin();
        Object result;
        try {
            opening.open();
            result = invocation.proceed();
        } catch (Exception | Error failed) {
            rollback();
            throw failed;
        }
        if (transaction.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
            rollback();
            throw new TransactionFailedException(new IllegalStateException("the transaction was marked rollback-only"));
        }
        try {
            transaction.commit();
        } catch (jakarta.transaction.RollbackException
                | jakarta.transaction.HeuristicMixedException
                | jakarta.transaction.HeuristicRollbackException failedAtCommit) {
            throw new TransactionFailedException(failedAtCommit);
        }
        return result;
    }

    private void rollback() {
        try {
            transaction.rollback();
        } catch (Exception alreadyEnded) {
            // The transaction may have been rolled back already (timeout, a failed flush); nothing is left to undo.
        }
    }

    /** A commit that failed: its cause (a constraint, a lost connection) decides the answer. */
    public static final class TransactionFailedException extends RuntimeException {

        TransactionFailedException(Exception cause) {
            super("The transaction could not be committed", cause);
        }
    }
}
