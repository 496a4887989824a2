package dev.atrium.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Work that must wait for the running transaction's commit (waking the outbox relay or the job scheduler for rows
 * the transaction wrote: before the commit they would not see them).
 */
@ApplicationScoped
public class AfterCommit {

    @Resource
    TransactionSynchronizationRegistry transactions;

    public boolean inTransaction() {
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
    }

    /**
     * Runs {@code action} once after the running transaction commits, however often it is asked for with the same
     * key in that transaction; never if it rolls back; at once if no transaction runs.
     */
    public void once(Object key, Runnable action) {
        if (!inTransaction()) {
            action.run();
            return;
        }
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
