package dev.atrium.platform.persistence;

import dev.atrium.platform.tenancy.application.TenantGate;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The transaction of a tenant use case ({@link UseCaseTransactions}), opened with the current tenant ({@link
 * TenantGate}: the tenant's checks and its schema switch belong to the use case's own transaction).
 */
@TenantTransactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class TenantSchemaInterceptor {

    @Inject
    UseCaseTransactions transactions;

    @Inject
    TenantGate gate;

    @AroundInvoke
    Object inTenantTransaction(InvocationContext invocation) throws Exception {
        return transactions.run(invocation, gate::enter);
    }
}
