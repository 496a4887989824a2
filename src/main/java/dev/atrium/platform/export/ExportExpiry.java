package dev.atrium.platform.export;

import dev.atrium.platform.jobs.RecurringJob;
import dev.atrium.platform.media.ObjectStorage;
import dev.atrium.platform.tenancy.application.EveryTenant;
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
    EveryTenant everyTenant;

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
        everyTenant.forEach("Export expiry", tenant -> {
            // The file first, the status after: an export whose file could not be deleted stays due, and the next
            // run tries again.
            for (TenantExport export : exports.dueToExpire()) {
                try {
                    storage.delete(TenantExport.key(tenant.id(), export.id()));
                    exports.markExpired(export.id());
                } catch (IOException notNow) {
                    LOG.log(Level.WARNING, notNow, () -> "Could not delete expired export " + export.id());
                }
            }
        });
    }
}
