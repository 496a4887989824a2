package dev.atrium.platform.tenancy.domain;

/**
 * A module's own tenant migrations: a Flyway location of its own and a history table of its own in every tenant
 * schema, so modules number their migrations independently (V1, V2, ...) and never race for the next version. A
 * module publishes one of these as a CDI bean; every tenant schema gets every module's tables (a module that a tenant
 * enables later finds them there, and disabling one keeps its data).
 */
public interface TenantMigrations {

    /** The module's id, e.g. {@code projects}; also names the history table {@code flyway_history_<id>}. */
    String module();

    /** Where the migrations are, e.g. {@code db/tenant/projects} (each folder holds an empty flyway.location). */
    default String location() {
        return "db/tenant/" + module();
    }

    /** Modules whose tables others' migrations need run first (lower first). */
    default int order() {
        return 100;
    }

    /**
     * The version this module had reached in schemas migrated before modules had their own histories (one shared
     * {@code flyway_schema_history}); such a schema is baselined there. {@code null}: the module is newer than that.
     */
    default String legacyVersion() {
        return null;
    }

    /**
     * The module's tables that a tenant's export carries ({@code <module>/<table>.json}). A table of the tenant schema
     * that no module lists here or in {@link #unexportedTables()} is exported under {@code other/}, and the export
     * test fails on it: every new table is a decision.
     */
    default java.util.List<String> exportedTables() {
        return java.util.List.of();
    }

    /** Tables deliberately left out of exports: secrets and credentials (hashed or not). */
    default java.util.List<String> unexportedTables() {
        return java.util.List.of();
    }
}
