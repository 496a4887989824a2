package dev.atrium.platform.tenancy.infrastructure;

import dev.atrium.platform.tenancy.domain.TenantSchemas;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Tenant schemas, created and migrated by Flyway from {@code classpath:db/tenant}. One configuration is built once
 * and copied per schema (architecture.md: rescanning per tenant is the slow part). Flyway's PostgreSQL advisory lock
 * keeps two replicas from migrating one schema at the same time.
 *
 * <p>Runs outside any JTA transaction: DDL and Flyway's own commits do not belong in one.
 */
@ApplicationScoped
public class FlywayTenantSchemas implements TenantSchemas {

    /** Schema names come from {@code TenantSlug#schemaName()}; this check keeps raw input out of DDL regardless. */
    private static final Pattern SCHEMA_NAME = Pattern.compile("^t_[a-z][a-z0-9_]{2,39}$");

    /** Also named as the callback location: Flyway's default one does not exist, and Liberty makes it an error. */
    private static final String LOCATION = "classpath:db/tenant";

    @Resource(lookup = "jdbc/atrium")
    DataSource dataSource;

    private FluentConfiguration base;

    @PostConstruct
    void configure() {
        base = Flyway.configure(classLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .callbackLocations(LOCATION)
                .createSchemas(true);
    }

    @Override
    public String migrate(String schemaName) {
        MigrateResult result = Flyway.configure(classLoader())
                .configuration(base)
                .schemas(checked(schemaName))
                .load()
                .migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
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
