package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.tenancy.domain.Branding;
import dev.atrium.platform.tenancy.domain.Tenant;
import dev.atrium.platform.tenancy.domain.TenantModule;
import java.time.OffsetDateTime;
import java.util.List;

/** A tenant as the operators' API shows it. */
public record TenantView(
        String slug,
        String name,
        String kind,
        String status,
        String plan,
        BrandingView branding,
        List<String> modules,
        List<String> domains,
        String database,
        String schema,
        String schemaVersion,
        String failureReason,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime statusChangedAt,
        OffsetDateTime deletionDueAt) {

    /** The branding part, as both the operators' API and the public branding endpoint show it. */
    public record BrandingView(
            String displayName,
            String logoUrl,
            String primaryColor,
            String accentColor,
            String faviconUrl,
            String locale,
            String supportEmail) {

        public static BrandingView of(Branding branding) {
            return new BrandingView(
                    branding.displayName(),
                    branding.logoUrl(),
                    branding.primaryColor(),
                    branding.accentColor(),
                    branding.faviconUrl(),
                    branding.locale(),
                    branding.supportEmail());
        }
    }

    public static TenantView of(Tenant tenant) {
        return new TenantView(
                tenant.slug().value(),
                tenant.name(),
                tenant.kind().id(),
                tenant.status().id(),
                tenant.plan(),
                BrandingView.of(tenant.branding()),
                tenant.modules().stream().map(TenantModule::id).sorted().toList(),
                tenant.domains().stream().sorted().toList(),
                tenant.databaseName(),
                tenant.schemaName(),
                tenant.schemaVersion(),
                tenant.failureReason(),
                tenant.createdAt(),
                tenant.updatedAt(),
                tenant.statusChangedAt(),
                tenant.deletionDueAt());
    }
}
