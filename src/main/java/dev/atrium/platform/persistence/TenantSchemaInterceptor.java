package dev.atrium.platform.persistence;

import dev.atrium.platform.errors.StoreFailures;
import dev.atrium.platform.tenancy.application.TenantGate;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;

/**
 * The transaction of a tenant use case: begins one if none is running (an enclosing one is joined), opens the current
 * tenant in it ({@link TenantGate}: the tenant's checks and its schema switch belong to the use case's own
 * transaction), and commits, or rolls back on any exception. A use case that found its connection closed by the
 * database before committing is run once more.
 *
 * <p>Why not {@code @Transactional}: Liberty's interceptor for it writes an FFDC incident file for every exception
 * that leaves a transactional method, so every ordinary 404 or 409 of a use case left a file on disk. Failures at
 * commit reach the caller with their database cause, which the error mappers turn into 409, 412 or 503.
 */
@TenantTransactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class TenantSchemaInterceptor {

    @Resource
    UserTransaction transaction;

    @Inject
    TenantGate gate;

    @AroundInvoke
    Object inTenantTransaction(InvocationContext invocation) throws Exception {
        if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
            gate.enter();
            return invocation.proceed();
        }
        try {
            return inNewTransaction(invocation);
        } catch (RuntimeException failed) {
            if (!StoreFailures.isConnectionLoss(failed) || failed instanceof TransactionFailedException) {
                throw failed;
            }
            // The pool handed out a connection the database had closed (failover, restart): the transaction was
            // rolled back before it committed, the pool has dropped its connections, so the use case runs once more
            // on a fresh one. A failure at commit is never repeated: the commit may have happened.
            return inNewTransaction(invocation);
        }
    }

    private Object inNewTransaction(InvocationContext invocation) throws Exception {
        transaction.begin();
        Object result;
        try {
            gate.enter();
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
