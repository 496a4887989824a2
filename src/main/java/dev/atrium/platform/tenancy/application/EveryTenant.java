package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Platform work done in every tenant that has a schema (sweeps, expiries), each with its tenant selected; one tenant's
 * failure is logged and does not keep the others from their turn.
 */
@ApplicationScoped
public class EveryTenant {

    private static final Logger LOG = Logger.getLogger(EveryTenant.class.getName());

    @Inject
    TenantDirectory directory;

    @Inject
    CurrentTenant currentTenant;

    public void forEach(String what, Consumer<TenantRef> work) {
        for (TenantRef tenant : directory.withSchemas()) {
            try {
                currentTenant.runAs(tenant, () -> {
                    work.accept(tenant);
                    return null;
                });
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, failure, () -> what + " failed in tenant " + tenant.slug());
            }
        }
    }
}
