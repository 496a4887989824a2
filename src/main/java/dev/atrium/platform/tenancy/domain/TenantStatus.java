package dev.atrium.platform.tenancy.domain;

import java.util.Locale;

/**
 * Where a tenant is in its life. Only ACTIVE and SUSPENDED tenants are visible to their members; a SUSPENDED tenant
 * can be read but not changed. PROVISIONING and FAILED belong to onboarding; DELETED keeps the directory row (and
 * the audit trail's target) after the tenant's data has been dropped.
 */
public enum TenantStatus {
    PROVISIONING,
    ACTIVE,
    SUSPENDED,
    ARCHIVED,
    FAILED,
    DELETED;

    public boolean isVisibleToMembers() {
        return this == ACTIVE || this == SUSPENDED;
    }

    public boolean acceptsWrites() {
        return this == ACTIVE;
    }

    /**
     * Whether work recorded for the tenant (jobs, outbox deliveries) may run: its schema exists, or is being made by
     * the onboarding that recorded the work (the first admin's welcome). A failed or deleted tenant's work was
     * discarded when it failed or was deleted.
     */
    public boolean hasWorkingSchema() {
        return this == PROVISIONING || this == ACTIVE || this == SUSPENDED || this == ARCHIVED;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
