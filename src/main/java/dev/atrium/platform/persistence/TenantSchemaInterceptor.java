package dev.atrium.platform.persistence;

import dev.atrium.platform.tenancy.application.TenantGate;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs inside the transaction that {@code @Transactional} started (its priority is later) and opens the current
 * tenant in it: the tenant's checks and its schema switch belong to the use case's own transaction. See {@link
 * TenantGate}.
 */
@TenantTransactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class TenantSchemaInterceptor {

    @Inject
    TenantGate gate;

    @AroundInvoke
    Object inTenantSchema(InvocationContext invocation) throws Exception {
        gate.enter();
        return invocation.proceed();
    }
}
