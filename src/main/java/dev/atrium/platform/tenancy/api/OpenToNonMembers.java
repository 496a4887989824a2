package dev.atrium.platform.tenancy.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A tenant endpoint that a signed-in person without a member row may call: only the explicit join. Every other tenant
 * endpoint answers 403 {@code not-a-member} to a token whose subject is not an active member of the tenant.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface OpenToNonMembers {}
