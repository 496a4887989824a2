package dev.atrium.platform.tenancy.infrastructure;

import dev.atrium.platform.tenancy.domain.TenantMigrations;
import dev.atrium.platform.tenancy.domain.TenantSchemas;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Tenant schemas, created and migrated by Flyway, module by module: each module's migrations ({@link
 * TenantMigrations}) have their own location and their own history table in the schema. One configuration per module
 * is built once and copied per schema (architecture.md: rescanning per tenant is the slow part). Flyway's PostgreSQL
 * advisory lock keeps two replicas from migrating one schema at the same time.
 *
 * <p>Runs outside any JTA transaction: DDL and Flyway's own commits do not belong in one.
 */
@ApplicationScoped
public class FlywayTenantSchemas implements TenantSchemas {

    /** Schema names come from {@code TenantSlug#schemaName()}; this check keeps raw input out of DDL regardless. */
    private static final Pattern SCHEMA_NAME = Pattern.compile("^t_[a-z][a-z0-9_]{2,39}$");

    /** Named explicitly: Flyway's default callback location does not exist, and Liberty makes that an error. */
    private static final String CALLBACKS = "classpath:db/callback";

    /** The one history table of schemas migrated before modules had their own. */
    private static final String LEGACY_HISTORY = "flyway_schema_history";

    @Resource(lookup = "jdbc/atrium")
    DataSource dataSource;

    @Inject
    Instance<TenantMigrations> modules;

    private List<ModuleFlyway> configured;

    private record ModuleFlyway(TenantMigrations module, FluentConfiguration base) {}

    @PostConstruct
    void configure() {
        configured = modules.stream()
                .sorted(Comparator.comparingInt(TenantMigrations::order).thenComparing(TenantMigrations::module))
                .map(module -> new ModuleFlyway(
                        module,
                        Flyway.configure(classLoader())
                                .dataSource(dataSource)
                                .locations("classpath:" + module.location())
                                .callbackLocations(CALLBACKS)
                                .table("flyway_history_" + module.module())
                                .createSchemas(true)
                                // A module's history starts in a schema that already holds other modules' tables.
                                .baselineOnMigrate(true)
                                .baselineVersion("0")))
                .toList();
    }

    @Override
    public String migrate(String schemaName) {
        String schema = checked(schemaName);
        boolean legacy = hasTable(schema, LEGACY_HISTORY);
        List<String> versions = new ArrayList<>();
        for (ModuleFlyway module : configured) {
            FluentConfiguration configuration =
                    Flyway.configure(classLoader()).configuration(module.base()).schemas(schema);
            if (legacy && module.module().legacyVersion() != null) {
                configuration.baselineVersion(module.module().legacyVersion());
            }
            MigrateResult result = configuration.load().migrate();
            String version =
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            versions.add(module.module().module() + " " + version);
        }
        return String.join(", ", versions);
    }

    @Override
    public void drop(String schemaName) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS \"" + checked(schemaName) + "\" CASCADE");
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not drop schema " + schemaName + ": " + failed.getMessage(), failed);
        }
    }

    @Override
    public boolean exists(String schemaName) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select 1 from pg_namespace where nspname = ?")) {
            query.setString(1, schemaName);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not look up schema " + schemaName, failed);
        }
    }

    private boolean hasTable(String schemaName, String table) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select 1 from pg_tables where schemaname = ? and tablename = ?")) {
            query.setString(1, schemaName);
            query.setString(2, table);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not look up the tables of schema " + schemaName, failed);
        }
    }

    private static ClassLoader classLoader() {
        return FlywayTenantSchemas.class.getClassLoader();
    }

    private static String checked(String schemaName) {
        if (!SCHEMA_NAME.matcher(schemaName).matches()) {
            throw new IllegalArgumentException("Not a tenant schema name: " + schemaName);
        }
        return schemaName;
    }
}
