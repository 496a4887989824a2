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

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
