package dev.atrium.platform.tenancy.domain;

import dev.atrium.platform.api.EnumIds;

/** What sort of organisation a tenant is; it chooses sensible defaults, never what a tenant may do. */
public enum TenantKind {
    SCHOOL,
    AGENCY,
    COMMUNITY,
    OTHER;

    public String id() {
        return EnumIds.idOf(this);
    }

    public static TenantKind fromId(String id) {
        return EnumIds.fromId(TenantKind.class, id, "tenant kind");
    }
}
