package dev.atrium.platform.export;

import dev.atrium.platform.audit.Actor;
import dev.atrium.platform.audit.AuditTrail;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.application.TenantDirectory;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Exports started and read by the operator (e.g. before a scheduled deletion, or for a tenant leaving). */
@ApplicationScoped
public class OperatorExports {

    @Inject
    TenantDirectory directory;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    TenantExports exports;

    @Inject
    ExportDownloads downloads;

    @Inject
    AuditTrail audit;

    public ExportView request(TenantSlug slug, Actor actor) {
        return audit.record(actor, "tenant.export", slug.value(), () -> {
            TenantRef tenant = withSchema(slug);
            return currentTenant.runAs(
                    tenant, () -> downloads.view(exports.request("platform operator " + actor.name())));
        });
    }

    public ExportView find(TenantSlug slug, UUID id) {
        TenantRef tenant = withSchema(slug);
        return currentTenant.runAs(tenant, () -> downloads.view(exports.find(id)));
    }

    /** A tenant whose data exists to export: not deleted, failed or still being onboarded. */
    private TenantRef withSchema(TenantSlug slug) {
        TenantRef tenant = directory.ref(slug);
        if (!tenant.status().hasWorkingSchema()
                || tenant.status() == dev.atrium.platform.tenancy.domain.TenantStatus.PROVISIONING) {
            throw new dev.atrium.platform.errors.ConflictException(
                    "tenant-has-no-data",
                    "Tenant has no data",
                    "Tenant '" + slug + "' is " + tenant.status().id() + ": there is nothing to export.");
        }
        return tenant;
    }
}
