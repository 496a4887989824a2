package dev.atrium.platform.export;

import dev.atrium.platform.jobs.RecurringJob;
import dev.atrium.platform.media.ObjectStorage;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.application.TenantDirectory;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Deletes the files of exports whose download time is up, in every tenant (hourly). */
@ApplicationScoped
public class ExportExpiry implements RecurringJob {

    private static final Logger LOG = Logger.getLogger(ExportExpiry.class.getName());

    @Inject
    TenantDirectory directory;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    TenantExports exports;

    @Inject
    ObjectStorage storage;

    @Override
    public String name() {
        return "exports.expire";
    }

    @Override
    public Duration every() {
        return Duration.ofHours(1);
    }

    @Override
    public void run() {
        for (TenantRef tenant : directory.withSchemas()) {
            try {
                currentTenant.runAs(tenant, () -> {
                    for (TenantExport export : exports.expire()) {
                        try {
                            storage.delete(TenantExport.key(tenant.id(), export.id()));
                        } catch (IOException notNow) {
                            LOG.log(Level.WARNING, notNow, () -> "Could not delete expired export " + export.id());
                        }
                    }
                    return null;
                });
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, failure, () -> "Export expiry failed in " + tenant.slug());
            }
        }
    }
}
