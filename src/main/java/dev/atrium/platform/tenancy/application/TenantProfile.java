package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The current tenant as the gate admits it (name, branding, modules), for endpoints that show the tenant itself. */
@ApplicationScoped
public class TenantProfile {

    @Inject
    CurrentTenant currentTenant;

    @TenantTransactional
    public TenantRef current() {
        return currentTenant.get();
    }
}
