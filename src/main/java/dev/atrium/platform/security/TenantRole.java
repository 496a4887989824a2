package dev.atrium.platform.security;

import dev.atrium.platform.api.EnumIds;
import java.util.Locale;

/**
 * The five roles a member can hold in a tenant. Each tenant's Keycloak client holds them as client roles; a protocol
 * mapper puts the roles of that client (and only that client) into the token's {@code groups} claim.
 */
public enum TenantRole {
    ADMIN(Roles.ADMIN, "Runs the tenant: members, settings and every module's administration."),
    CLIENT(Roles.CLIENT, "Buys services: posts jobs, hires professionals, follows projects."),
    PROFESSIONAL(Roles.PROFESSIONAL, "Offers services: sends proposals, delivers work, teaches."),
    STUDENT(Roles.STUDENT, "Learns: enrols in courses and takes part in projects."),
    ADVERTISER(Roles.ADVERTISER, "Runs advertising campaigns in the tenant.");

    private final String id;
    private final String description;

    TenantRole(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Case-insensitive: role names also arrive from Keycloak and from people typing them. */
    public static TenantRole fromId(String id) {
        return EnumIds.fromId(TenantRole.class, id == null ? "" : id.toLowerCase(Locale.ROOT), "role");
    }
}
