package dev.atrium.platform.live;

import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.time.Now;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The tenant's live event log: appended by the outbox (one event at a time per tenant, under {@code live_stream}'s
 * lock, so numbers follow commits), read by every replica's channel and by connections that resume.
 *
 * <p>Reads run on plain connections outside any transaction, with the tenant's schema named in the statement: they
 * are on the path of every delivery, and the tenant was checked when the connection was admitted.
 */
@ApplicationScoped
public class LiveLog {

    private static final String COLUMNS = "id, type, recipients, payload::text, occurred_at";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Resource(lookup = "jdbc/atrium")
    DataSource dataSource;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Live live;

    @Inject
    Now now;

    /** Appends the event (once per outbox event) and announces it to every replica when this commits. */
    @TenantTransactional
    public void append(long sourceEvent, LiveEventRaised event, OffsetDateTime occurredAt) {
        NativeQueries.rows(em, "select horizon from live_stream for update");
        List<Object[]> appended = NativeQueries.rows(
                em,
                "insert into live_event (source_event, type, recipients, payload, occurred_at)"
                        + " values (?1, ?2, cast(string_to_array(?3, ',') as uuid[]), cast(?4 as jsonb), ?5)"
                        + " on conflict (source_event) do nothing returning id",
                sourceEvent,
                event.type(),
                event.recipients().stream().map(UUID::toString).collect(Collectors.joining(",")),
                event.data(),
                occurredAt);
        if (!appended.isEmpty()) {
            live.notify("e " + currentTenant.get().id() + " " + ((Number) appended.get(0)[0]).longValue());
        }
    }

    /** Forgets events older than {@code retention} and moves the horizon past them; answers how many went. */
    @TenantTransactional
    public int purge(Duration retention) {
        NativeQueries.rows(em, "select horizon from live_stream for update");
        Object[] purged = NativeQueries.rows(
                        em,
                        "with gone as (delete from live_event where occurred_at < ?1 returning id)"
                                + " select count(*), coalesce(max(id), 0) from gone",
                        now.dateTime().minus(retention))
                .get(0);
        long highest = ((Number) purged[1]).longValue();
        if (highest > 0) {
            NativeQueries.execute(em, "update live_stream set horizon = greatest(horizon, ?1)", highest);
        }
        return ((Number) purged[0]).intValue();
    }

    /** Where the log stands: the highest id purged, and the highest id given (kept or purged). */
    record Position(long horizon, long last) {}

    Position position(TenantRef tenant) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select horizon, greatest(horizon, (select"
                        + " coalesce(max(id), 0) from " + tenant.schemaName() + ".live_event)) from "
                        + tenant.schemaName() + ".live_stream");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return new Position(row.getLong(1), row.getLong(2));
        }
    }

    /** The events by number (as announced), in order. */
    List<LiveEvent> byIds(TenantRef tenant, Collection<Long> ids) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select " + COLUMNS + " from "
                        + tenant.schemaName() + ".live_event where id = any (?) order by id")) {
            statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            return read(statement);
        }
    }

    /** The events after {@code after}, for everyone ({@code member} null) or addressed to one member, in order. */
    List<LiveEvent> after(TenantRef tenant, long after, UUID member, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select " + COLUMNS + " from "
                        + tenant.schemaName() + ".live_event where id > ? and (cast(? as uuid) is null or"
                        + " recipients @> array[cast(? as uuid)]) order by id limit ?")) {
            statement.setLong(1, after);
            statement.setObject(2, member);
            statement.setObject(3, member);
            statement.setInt(4, limit);
            return read(statement);
        }
    }

    private static List<LiveEvent> read(PreparedStatement statement) throws SQLException {
        List<LiveEvent> events = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                Array recipients = row.getArray(3);
                Set<UUID> to = new LinkedHashSet<>();
                for (Object recipient : (Object[]) recipients.getArray()) {
                    to.add((UUID) recipient);
                }
                events.add(new LiveEvent(
                        row.getLong(1),
                        row.getString(2),
                        to,
                        row.getString(4),
                        row.getObject(5, OffsetDateTime.class)));
            }
        }
        return events;
    }
}
