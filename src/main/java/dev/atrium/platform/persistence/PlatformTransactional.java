package dev.atrium.platform.persistence;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A use case on the {@code platform} schema (the tenant directory): a JTA transaction like {@link
 * TenantTransactional}'s, without a tenant. Used instead of {@code @Transactional} for the reason given in {@link
 * UseCaseTransactions}.
 */
@Inherited
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlatformTransactional {}
