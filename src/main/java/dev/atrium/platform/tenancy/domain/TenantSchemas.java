package dev.atrium.platform.tenancy.domain;

/** Creation, migration and removal of tenant schemas. Both operations are idempotent. */
public interface TenantSchemas {

    /** Creates the schema if absent and applies every pending tenant migration. @return the schema version */
    String migrate(String schemaName);

    /** Drops the schema and everything in it, if it exists. */
    void drop(String schemaName);

    boolean exists(String schemaName);
}
