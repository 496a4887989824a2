package dev.atrium.platform.tenancy.domain;

import dev.atrium.platform.errors.InvalidRequestException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tenant's identifier in URLs, schema names and Keycloak: lower-case ASCII letters, digits and hyphens, 3–40
 * characters, starting with a letter, not a reserved word. Schema and client names are derived only from a slug that
 * passed this check, never from raw input.
 */
public record TenantSlug(String value) {

    private static final Pattern FORMAT = Pattern.compile("^[a-z][a-z0-9-]{2,39}$");

    /** Words that name parts of the platform or common host names, so that no tenant can impersonate them. */
    static final Set<String> RESERVED = Set.of(
            "api",
            "admin",
            "www",
            "platform",
            "app",
            "auth",
            "login",
            "keycloak",
            "health",
            "openapi",
            "static",
            "assets",
            "mail",
            "support",
            "status",
            "root",
            "system",
            "atrium",
            "tenant",
            "tenants",
            "public");

    public TenantSlug {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidRequestException("A tenant slug is 3 to 40 characters: lower-case letters, digits and"
                    + " hyphens, starting with a letter.");
        }
        if (value.endsWith("-") || value.contains("--")) {
            throw new InvalidRequestException("A tenant slug may not end with a hyphen or contain two in a row.");
        }
        if (RESERVED.contains(value)) {
            throw new InvalidRequestException("'" + value + "' is reserved and cannot be a tenant slug.");
        }
    }

    public static TenantSlug of(String value) {
        return new TenantSlug(value);
    }

    /** The PostgreSQL schema of the tenant: hyphens become underscores, so the name needs no quoting rules. */
    public String schemaName() {
        return "t_" + value.replace('-', '_');
    }

    /** The Keycloak client that issues this tenant's tokens and holds its roles. */
    public String clientId() {
        return "tenant-" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
