package dev.atrium.platform.export;

import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.domain.TenantMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the tenant's tables into the export, one JSON array per table ({@code <module>/<table>.json}, one object per
 * row as PostgreSQL's {@code row_to_json} gives it), streamed row by row from a cursor so that a large table never
 * sits in memory. Each table in its own tenant transaction, so that the export's progress shows between them.
 */
@ApplicationScoped
public class ExportTables {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    @Any
    Instance<TenantMigrations> modules;

    /** The files an export holds: {@code <module>/<table>.json} for each declared table, {@code other/} for the rest. */
    public record Plan(Map<String, String> files, List<String> unclaimed) {}

    @TenantTransactional
    public Plan plan() {
        Connection connection = em.unwrap(Connection.class);
        try {
            Set<String> present = tables(connection);
            Map<String, String> files = new LinkedHashMap<>();
            Set<String> claimed = new TreeSet<>();
            List<TenantMigrations> ordered = new ArrayList<>();
            modules.forEach(ordered::add);
            ordered.sort(Comparator.comparingInt(TenantMigrations::order).thenComparing(TenantMigrations::module));
            for (TenantMigrations module : ordered) {
                for (String table : module.exportedTables()) {
                    if (present.contains(table)) {
                        files.put(module.module() + "/" + table + ".json", table);
                    }
                    claimed.add(table);
                }
                claimed.addAll(module.unexportedTables());
            }
            List<String> unclaimed = present.stream()
                    .filter(table -> !claimed.contains(table) && !table.startsWith("flyway_"))
                    .toList();
            unclaimed.forEach(table -> files.put("other/" + table + ".json", table));
            return new Plan(files, unclaimed);
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not list the tenant's tables", failed);
        }
    }

    /** Writes one table as one zip entry, in its own transaction; @return its rows */
    @TenantTransactional
    public long write(String file, String table, ZipOutputStream zip) {
        try {
            zip.putNextEntry(new ZipEntry(file));
            long rows = writeTable(em.unwrap(Connection.class), table, zip);
            zip.closeEntry();
            return rows;
        } catch (SQLException failed) {
            throw new IllegalStateException("Could not read table " + table, failed);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static Set<String> tables(Connection connection) throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (PreparedStatement query = connection.prepareStatement("select table_name from information_schema.tables"
                        + " where table_schema = current_schema() and table_type = 'BASE TABLE'");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    /** Table names come from the schema's own catalogue, never from a request; quoted all the same. */
    private static long writeTable(Connection connection, String table, OutputStream out)
            throws SQLException, IOException {
        long count = 0;
        try (PreparedStatement query = connection.prepareStatement(
                "select row_to_json(t)::text from \"" + table.replace("\"", "\"\"") + "\" t")) {
            query.setFetchSize(500);
            out.write('[');
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (count++ > 0) {
                        out.write(',');
                    }
                    out.write('\n');
                    out.write(rows.getString(1).getBytes(StandardCharsets.UTF_8));
                }
            }
            out.write("\n]\n".getBytes(StandardCharsets.UTF_8));
        }
        return count;
    }
}
