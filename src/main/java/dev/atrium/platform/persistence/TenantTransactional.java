package dev.atrium.platform.persistence;

import jakarta.interceptor.InterceptorBinding;
import jakarta.transaction.Transactional;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a use case that works on the current tenant's data: it runs in a JTA transaction ({@code @Transactional},
 * inherited as a binding) whose connection is switched to the tenant's schema before the method body runs. Every
 * application service of a tenant module uses this instead of plain {@code @Transactional}.
 */
@Inherited
@InterceptorBinding
@Transactional
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface TenantTransactional {}
