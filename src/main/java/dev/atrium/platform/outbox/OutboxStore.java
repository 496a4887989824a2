package dev.atrium.platform.outbox;

import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The relay's statements on the outbox tables. Each runs on its own (auto-commit): a claim is one statement that
 * picks due deliveries no other replica holds ({@code skip locked}) and leases them by moving their due time on.
 */
@ApplicationScoped
public class OutboxStore {

    private static final String CLAIM = """
            with due as (
                select d.event_id, d.consumer from platform.outbox_delivery d
                where d.status = 'PENDING' and d.due_at <= clock_timestamp()
                  and not (select r.paused from platform.outbox_relay r)
                order by d.due_at, d.event_id
                limit ? for update skip locked),
            claimed as (
                update platform.outbox_delivery d
                set attempts = d.attempts + 1, due_at = clock_timestamp() + ? * interval '1 millisecond'
                from due where d.event_id = due.event_id and d.consumer = due.consumer
                returning d.event_id, d.consumer, d.attempts)
            select c.event_id, c.consumer, c.attempts, e.tenant_id, e.type, e.payload::text, e.occurred_at
            from claimed c join platform.outbox_event e on e.id = c.event_id
            order by c.event_id""";

    @Resource(lookup = "jdbc/atrium")
    DataSource dataSource;

    /** Leases up to {@code limit} due deliveries for {@code lease}; none while an operator holds delivery. */
    List<ClaimedDelivery> claim(int limit, Duration lease) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setInt(1, limit);
            claim.setLong(2, lease.toMillis());
            List<ClaimedDelivery> claimed = new ArrayList<>();
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new ClaimedDelivery(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getInt(3),
                            rows.getObject(4, UUID.class),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getObject(7, OffsetDateTime.class)));
                }
            }
            return claimed;
        }
    }

    /*
     * Every outcome is recorded only by the claim that made it (attempts = the claimed attempt): a worker whose lease
     * ran out and whose delivery was claimed again elsewhere does not overwrite the newer outcome.
     */

    private static final String OF_THIS_CLAIM = " where event_id = ? and consumer = ? and attempts = ?";

    void delivered(ClaimedDelivery claimed) throws SQLException {
        recordOutcome(
                "update platform.outbox_delivery set status = 'DELIVERED', delivered_at = clock_timestamp(),"
                        + " last_error = null" + OF_THIS_CLAIM,
                claimed);
    }

    void retryAfter(ClaimedDelivery claimed, Duration wait, String error) throws SQLException {
        recordOutcome(
                "update platform.outbox_delivery set due_at = clock_timestamp() + ? * interval '1 millisecond',"
                        + " last_error = ?" + OF_THIS_CLAIM,
                claimed,
                wait.toMillis(),
                error);
    }

    void finish(ClaimedDelivery claimed, String status, String reason) throws SQLException {
        recordOutcome(
                "update platform.outbox_delivery set status = ?, last_error = ?" + OF_THIS_CLAIM,
                claimed,
                status,
                reason);
    }

    /** Runs an outcome's update: its own values first, then the claim it belongs to. */
    private void recordOutcome(String sql, ClaimedDelivery claimed, Object... values) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Object value : values) {
                statement.setObject(index++, value);
            }
            statement.setLong(index++, claimed.eventId());
            statement.setString(index++, claimed.consumer());
            statement.setInt(index, claimed.attempt());
            statement.executeUpdate();
        }
    }

    /** One delivery as an operator reads it. */
    public record DeliveryView(
            long eventId,
            String consumer,
            String type,
            UUID tenantId,
            String status,
            int attempts,
            OffsetDateTime occurredAt,
            OffsetDateTime dueAt,
            OffsetDateTime deliveredAt,
            String lastError,
            jakarta.json.JsonObject payload) {}

    /** Deliveries in a status (PENDING, DELIVERED, FAILED, DISCARDED), newest event first. */
    public Page<DeliveryView> list(String status, PageRequest page) {
        try {
            return listSql(status, page);
        } catch (SQLException failure) {
            throw new PersistenceException(failure);
        }
    }

    private Page<DeliveryView> listSql(String status, PageRequest page) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select d.event_id, d.consumer, e.type, e.tenant_id, d.status, d.attempts, e.occurred_at,"
                                + " d.due_at, d.delivered_at, d.last_error, count(*) over (), e.payload::text"
                                + " from platform.outbox_delivery d join platform.outbox_event e on e.id = d.event_id"
                                + " where d.status = ? order by d.event_id desc offset ? limit ?")) {
            statement.setString(1, status);
            statement.setInt(2, page.offset());
            statement.setInt(3, page.size());
            List<DeliveryView> items = new ArrayList<>();
            long total = 0;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    items.add(new DeliveryView(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getObject(4, UUID.class),
                            rows.getString(5),
                            rows.getInt(6),
                            rows.getObject(7, OffsetDateTime.class),
                            rows.getObject(8, OffsetDateTime.class),
                            rows.getObject(9, OffsetDateTime.class),
                            rows.getString(10),
                            jakarta.json.Json.createReader(new java.io.StringReader(rows.getString(12)))
                                    .readObject()));
                    total = rows.getLong(11);
                }
            }
            if (items.isEmpty() && page.offset() > 0) {
                total = count(connection, status);
            }
            return Page.of(items, page, total);
        }
    }

    private static long count(Connection connection, String status) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select count(*) from platform.outbox_delivery where status = ?")) {
            statement.setString(1, status);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Puts a failed delivery back in line, with fresh attempts; false if there is no such failed delivery. */
    public boolean retry(long eventId, String consumer) {
        try {
            return retrySql(eventId, consumer);
        } catch (SQLException failure) {
            throw new PersistenceException(failure);
        }
    }

    private boolean retrySql(long eventId, String consumer) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "update platform.outbox_delivery set status = 'PENDING', attempts = 0,"
                                + " due_at = clock_timestamp() where event_id = ? and consumer = ? and status = 'FAILED'")) {
            statement.setLong(1, eventId);
            statement.setString(2, consumer);
            return statement.executeUpdate() == 1;
        }
    }

    /** Whether delivery is held, and the hold set or lifted. */
    public record Hold(boolean paused, OffsetDateTime changedAt, String changedBy) {}

    public Hold hold() {
        try {
            return holdSql();
        } catch (SQLException failure) {
            throw new PersistenceException(failure);
        }
    }

    private Hold holdSql() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select paused, changed_at, changed_by from platform.outbox_relay");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return new Hold(rows.getBoolean(1), rows.getObject(2, OffsetDateTime.class), rows.getString(3));
        }
    }

    public Hold hold(boolean paused, String by) {
        try {
            return holdSql(paused, by);
        } catch (SQLException failure) {
            throw new PersistenceException(failure);
        }
    }

    private Hold holdSql(boolean paused, String by) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "update platform.outbox_relay set paused = ?, changed_at = now(), changed_by = ?")) {
            statement.setBoolean(1, paused);
            statement.setString(2, by);
            statement.executeUpdate();
        }
        return holdSql();
    }

    /** Removes events whose every delivery ended (delivered or discarded) before {@code before}; @return how many. */
    public int purgeFinished(OffsetDateTime before) {
        try {
            return purgeFinishedSql(before);
        } catch (SQLException failure) {
            throw new PersistenceException(failure);
        }
    }

    private int purgeFinishedSql(OffsetDateTime before) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "delete from platform.outbox_event e where e.occurred_at < ? and not exists (select 1 from"
                                + " platform.outbox_delivery d where d.event_id = e.id"
                                + " and (d.status in ('PENDING', 'FAILED') or d.delivered_at >= ?))")) {
            statement.setObject(1, before);
            statement.setObject(2, before);
            return statement.executeUpdate();
        }
    }

    /** Drops the undelivered work of a tenant whose data is gone; run in the deletion's transaction. */
    public static final String DISCARD_TENANT = "update platform.outbox_delivery d set status = 'DISCARDED',"
            + " last_error = 'the tenant was deleted' from platform.outbox_event e"
            + " where e.id = d.event_id and e.tenant_id = ?1 and d.status in ('PENDING', 'FAILED')";
}
