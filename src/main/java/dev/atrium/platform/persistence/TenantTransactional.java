package dev.atrium.platform.persistence;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a use case that works on the current tenant's data: it runs in a JTA transaction (joining one that is already
 * running, like {@code @Transactional}'s REQUIRED) in which the tenant is opened before the method body runs: checked
 * and its schema selected (see {@link TenantSchemaInterceptor}). Every application service of a tenant module uses
 * this instead of {@code @Transactional}. Any exception rolls the transaction back.
 */
@Inherited
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface TenantTransactional {}
