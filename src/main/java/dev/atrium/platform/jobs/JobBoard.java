package dev.atrium.platform.jobs;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.PlatformTransactional;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The jobs an operator looks at: those waiting to run, and those that failed every attempt. */
@ApplicationScoped
public class JobBoard {

    private static final Logger LOG = Logger.getLogger(JobBoard.class.getName());

    @Resource(lookup = "jdbc/atrium")
    DataSource dataSource;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    JobScheduler scheduler;

    /** A job as an operator reads it. */
    public record JobView(
            String kind,
            String id,
            UUID tenantId,
            String status,
            OffsetDateTime due,
            int attempts,
            String lastError,
            OffsetDateTime failedAt,
            jakarta.json.JsonValue data) {}

    private static jakarta.json.JsonValue json(Object text) {
        return text == null
                ? null
                : jakarta.json.Json.createReader(new java.io.StringReader(text.toString()))
                        .readValue();
    }

    /** Called on a scheduler thread, outside any transaction, when a job has failed its last attempt. */
    void keep(String kind, String instance, JobEnvelope envelope, int attempts, String error) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "insert into platform.failed_job (kind, instance, tenant_id, data, attempts, last_error,"
                                + " failed_at) values (?, ?, ?, ?, ?, ?, now()) on conflict (kind, instance) do update"
                                + " set attempts = excluded.attempts, last_error = excluded.last_error,"
                                + " failed_at = excluded.failed_at, data = excluded.data")) {
            statement.setString(1, kind);
            statement.setString(2, instance);
            statement.setObject(3, envelope.tenantId());
            statement.setString(4, envelope.data());
            statement.setInt(5, attempts);
            statement.setString(6, error);
            statement.executeUpdate();
        } catch (SQLException failure) {
            // Not kept means it stays scheduled (the failure handler removes it only after this): it runs again.
            LOG.log(Level.SEVERE, failure, () -> "Could not keep failed job " + kind + "/" + instance);
            throw new IllegalStateException(failure);
        }
    }

    @PlatformTransactional
    public Page<JobView> failed(String kind, PageRequest page) {
        List<Object[]> rows = NativeQueries.rows(
                em,
                "select kind, instance, tenant_id, attempts, last_error, failed_at, count(*) over (), data"
                        + " from platform.failed_job where (?1 = '' or kind = ?1)"
                        + " order by failed_at desc offset ?2 limit ?3",
                kind == null ? "" : kind,
                page.offset(),
                page.size());
        List<JobView> items = rows.stream()
                .map(row -> new JobView(
                        (String) row[0],
                        (String) row[1],
                        row[2] == null ? null : NativeQueries.uuid(row[2]),
                        "failed",
                        null,
                        ((Number) row[3]).intValue(),
                        (String) row[4],
                        NativeQueries.dateTime(row[5]),
                        json(row[7])))
                .toList();
        return Page.of(items, page, rows.isEmpty() ? 0 : ((Number) rows.get(0)[6]).longValue());
    }

    @PlatformTransactional
    public Page<JobView> scheduled(String kind, PageRequest page) {
        List<Object[]> rows = NativeQueries.rows(
                em,
                "select task_name, task_instance,"
                        + " case when task_data is null then null"
                        + " else cast(convert_from(task_data, 'UTF8') as jsonb) ->> 'tenantId' end,"
                        + " picked, execution_time, coalesce(consecutive_failures, 0), count(*) over (),"
                        + " case when task_data is null then null"
                        + " else cast(convert_from(task_data, 'UTF8') as jsonb) ->> 'data' end"
                        + " from " + JobScheduler.TABLE + " where (?1 = '' or task_name = ?1)"
                        + " order by execution_time offset ?2 limit ?3",
                kind == null ? "" : kind,
                page.offset(),
                page.size());
        List<JobView> items = rows.stream()
                .map(row -> new JobView(
                        (String) row[0],
                        (String) row[1],
                        row[2] == null ? null : UUID.fromString((String) row[2]),
                        Boolean.TRUE.equals(row[3]) ? "running" : "scheduled",
                        NativeQueries.dateTime(row[4]),
                        ((Number) row[5]).intValue(),
                        null,
                        null,
                        json(row[7])))
                .toList();
        return Page.of(items, page, rows.isEmpty() ? 0 : ((Number) rows.get(0)[6]).longValue());
    }

    /**
     * Schedules a failed job to run now, with fresh attempts, in one transaction with taking it off the failed list.
     * Empty if there is no such failed job.
     */
    @PlatformTransactional
    public Optional<JobView> retry(String kind, String instance) {
        List<Object[]> taken = NativeQueries.rows(
                em,
                "delete from platform.failed_job where kind = ?1 and instance = ?2 returning tenant_id, data",
                kind,
                instance);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = taken.get(0);
        UUID tenantId = row[0] == null ? null : NativeQueries.uuid(row[0]);
        JobEnvelope envelope = new JobEnvelope(tenantId, (String) row[1]);
        scheduler.client().scheduleIfNotExists(new TaskInstance<>(kind, instance, envelope), Instant.now());
        return Optional.of(
                new JobView(kind, instance, tenantId, "scheduled", OffsetDateTime.now(), 0, null, null, json(row[1])));
    }

    /** Drops a failed job for good (an operator decided it is not to be done); @return whether there was one */
    @PlatformTransactional
    public boolean discard(String kind, String instance) {
        return NativeQueries.execute(
                        em, "delete from platform.failed_job where kind = ?1 and instance = ?2", kind, instance)
                == 1;
    }

    /** Drops the jobs of a tenant whose data is gone; run in the deletion's transaction. */
    public void discardTenant(UUID tenantId) {
        NativeQueries.execute(em, "delete from platform.failed_job where tenant_id = ?1", tenantId);
        NativeQueries.execute(
                em,
                "delete from " + JobScheduler.TABLE + " where task_data is not null"
                        + " and cast(convert_from(task_data, 'UTF8') as jsonb) ->> 'tenantId' = ?1",
                tenantId.toString());
    }
}
