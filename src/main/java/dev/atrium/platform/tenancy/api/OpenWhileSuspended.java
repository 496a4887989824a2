package dev.atrium.platform.tenancy.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A tenant endpoint that writes nothing of the tenant's own data and must keep working while the tenant is suspended:
 * a tenant suspended for an unpaid plan has to be able to pay for it. Every other write to a suspended tenant is
 * refused (403 {@code tenant-suspended}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface OpenWhileSuspended {}
