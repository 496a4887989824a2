package dev.atrium.platform.tenancy.api;

import dev.atrium.platform.tenancy.domain.TenantModule;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a resource class as part of the tenant API (under {@code /t/{tenant}/}) and names the module it belongs
 * to, once for the whole class. For a tenant that has not enabled that module the class's endpoints do not exist: the
 * platform answers 404 {@code module-not-enabled} before any of its code runs. Without a module, the endpoints are
 * the platform's own (members, branding, usage) and are always there. {@code ResourceSecurityTest} fails the build for
 * a tenant resource without this annotation.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface TenantApi {

    /** The module, at most one; empty for the platform's own endpoints. */
    TenantModule[] value() default {};
}
