package dev.atrium.platform.tenancy.domain;

import dev.atrium.platform.api.EnumIds;

/** A product module a tenant can switch on. Members and branding are always on and not listed here. */
public enum TenantModule {
    PROJECTS,
    MARKETPLACE,
    LEARNING,
    COMMUNITY,
    ADVERTISING,
    MESSAGING,
    NOTIFICATIONS,
    BILLING,
    LEADS,
    ANALYTICS;

    public String id() {
        return EnumIds.idOf(this);
    }

    public static TenantModule fromId(String id) {
        return EnumIds.fromId(TenantModule.class, id, "module");
    }
}
