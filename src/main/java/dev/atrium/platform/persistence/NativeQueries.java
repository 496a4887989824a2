package dev.atrium.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.UUID;

/**
 * Native SQL with positional parameters ({@code ?1}, {@code ?2}, ...; a parameter may be null), for the reads that sum or filter in the
 * database what JPQL reaches awkwardly (aggregates, window counts, subqueries over collection tables) and for bulk
 * statements. Callers run in a transaction and build their SQL only from constants and parameters.
 */
public final class NativeQueries {

    private NativeQueries() {}

    /** The rows of a query, each as its columns. */
    public static List<Object[]> rows(EntityManager em, String sql, List<?> parameters) {
        List<?> rows = bind(em.createNativeQuery(sql), parameters).getResultList();
        return rows.stream()
                .map(row -> row instanceof Object[] columns ? columns : new Object[] {row})
                .toList();
    }

    public static List<Object[]> rows(EntityManager em, String sql, Object... parameters) {
        return rows(em, sql, java.util.Arrays.asList(parameters));
    }

    /** Runs an insert, update or delete; @return the rows it changed */
    public static int execute(EntityManager em, String sql, Object... parameters) {
        return bind(em.createNativeQuery(sql), java.util.Arrays.asList(parameters))
                .executeUpdate();
    }

    /**
     * A uuid parameter as text, which PostgreSQL casts to uuid: a null is then bound without a type the driver would
     * have to guess (see server.xml's {@code stringType}).
     */
    public static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    /** A uuid column as PostgreSQL's driver hands it over (a UUID, or its text through some paths). */
    public static UUID uuid(Object column) {
        return column instanceof UUID id ? id : UUID.fromString(column.toString());
    }

    /** A timestamptz column as PostgreSQL's driver hands it over through JPA (a timestamp or an offset date-time). */
    public static java.time.OffsetDateTime dateTime(Object column) {
        if (column == null || column instanceof java.time.OffsetDateTime) {
            return (java.time.OffsetDateTime) column;
        }
        if (column instanceof java.sql.Timestamp value) {
            return value.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return java.time.OffsetDateTime.parse(column.toString());
    }

    private static Query bind(Query query, List<?> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }
}
