package dev.atrium.platform.persistence;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** The transaction of a platform use case ({@link UseCaseTransactions}), with nothing to open first. */
@PlatformTransactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class PlatformTransactionInterceptor {

    @Inject
    UseCaseTransactions transactions;

    @AroundInvoke
    Object inPlatformTransaction(InvocationContext invocation) throws Exception {
        return transactions.run(invocation, () -> {});
    }
}
