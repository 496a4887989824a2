package dev.atrium.platform.live;

import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Passes a live connection through the tenant gate, as any request to the tenant's API is. */
@ApplicationScoped
public class LiveGate {

    @Inject
    CurrentTenant currentTenant;

    /** The requested tenant and the caller's membership, once the gate has checked both. */
    record Admitted(TenantRef tenant, Membership member) {}

    @TenantTransactional
    public Admitted admitted() {
        return new Admitted(
                currentTenant.get(),
                currentTenant
                        .caller()
                        .orElseThrow(() -> new IllegalStateException("a live connection needs a member")));
    }
}
