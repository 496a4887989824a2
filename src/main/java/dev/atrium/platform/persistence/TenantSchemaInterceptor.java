package dev.atrium.platform.persistence;

import dev.atrium.platform.tenancy.application.CurrentTenant;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs inside the transaction that {@code @Transactional} started (its priority is later) and selects the current
 * tenant's schema for it. See {@link TenantSchemaSelector} for how and why.
 */
@TenantTransactional
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class TenantSchemaInterceptor {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    TenantSchemaSelector selector;

    @AroundInvoke
    Object inTenantSchema(InvocationContext invocation) throws Exception {
        selector.select(currentTenant.get().schemaName());
        return invocation.proceed();
    }
}
