package dev.atrium.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates the {@code platform} schema when the application starts, before it reports itself started.
 *
 * <p>Flyway is given the application's class loader and an explicit {@code classpath:} location: its classpath
 * scanning through Liberty's class loaders is known to miss resources otherwise. Concurrent starts (several
 * replicas) are safe: Flyway takes a PostgreSQL advisory lock for the duration of a migration.
 */
@ApplicationScoped
public class PlatformMigrations {

    public static final String SCHEMA = "platform";
    private static final Logger LOG = Logger.getLogger(PlatformMigrations.class.getName());

    @Resource(lookup = "jdbc/atrium")
    DataSource dataSource;

    private volatile String version;

    void migrateOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        MigrateResult result = Flyway.configure(PlatformMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/platform")
                .callbackLocations("classpath:db/platform")
                .load()
                .migrate();
        version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() ->
                "Platform schema at version " + version + " (" + result.migrationsExecuted + " migration(s) applied)");
    }

    public boolean isMigrated() {
        return version != null;
    }

    public String version() {
        return version == null ? "" : version;
    }
}
