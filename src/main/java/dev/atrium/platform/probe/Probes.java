package dev.atrium.platform.probe;

import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.outbox.Outbox;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.PlatformTransactional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Starts probes and records what happens to them. */
@ApplicationScoped
public class Probes {

    static final String JOB_KIND = "platform.probe";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Jobs jobs;

    @Inject
    Outbox outbox;

    /** A probe as an operator reads it; the latencies are null until it was picked up or completed. */
    public record ProbeView(
            UUID id,
            String service,
            OffsetDateTime requestedAt,
            OffsetDateTime dueAt,
            int failuresWanted,
            int attempts,
            OffsetDateTime firstStartedAt,
            OffsetDateTime completedAt,
            Long pickUpMillis,
            Long completionMillis) {}

    /** Schedules a probe job due after {@code delaySeconds}, failing its first {@code failures} runs. */
    @PlatformTransactional
    public ProbeView probeJobs(int failures, int delaySeconds) {
        UUID id = UUID.randomUUID();
        Instant due = Instant.now().plusSeconds(delaySeconds);
        record(id, "jobs", due, failures);
        jobs.schedule(null, JOB_KIND, id.toString(), new ProbeRequested(id), due);
        return find(id).orElseThrow();
    }

    /**
     * Publishes a probe event, whose delivery fails its first {@code failures} attempts. With {@code rollBack} the
     * transaction fails after publishing (409 probe-rolled-back, naming the probe): neither the probe nor its event
     * may exist afterwards, and nothing is delivered — what every use case relies on.
     */
    @PlatformTransactional
    public ProbeView probeOutbox(int failures, boolean rollBack) {
        UUID id = UUID.randomUUID();
        record(id, "outbox", Instant.now(), failures);
        outbox.publish(null, new ProbeRequested(id));
        if (rollBack) {
            throw new ConflictException(
                    "probe-rolled-back",
                    "Probe rolled back",
                    "Probe " + id + " published its event and then rolled back, as asked; nothing is to be delivered.");
        }
        return find(id).orElseThrow();
    }

    private void record(UUID id, String service, Instant due, int failures) {
        NativeQueries.execute(
                em,
                "insert into platform.probe (id, service, due_at, failures_wanted) values (?1, ?2, ?3, ?4)",
                id,
                service,
                OffsetDateTime.ofInstant(due, java.time.ZoneOffset.UTC),
                failures);
    }

    /**
     * Records an attempt, in its own transaction (a failing attempt must stay counted); @return whether this
     * attempt is to fail, as the probe asked
     */
    @PlatformTransactional
    public boolean attempt(UUID id) {
        List<Object[]> rows = NativeQueries.rows(
                em,
                "update platform.probe set attempts = attempts + 1,"
                        + " first_started_at = coalesce(first_started_at, clock_timestamp()),"
                        + " completed_at = case when attempts + 1 > failures_wanted"
                        + " then coalesce(completed_at, clock_timestamp()) end"
                        + " where id = ?1 returning attempts, failures_wanted",
                id);
        if (rows.isEmpty()) {
            return false;
        }
        return ((Number) rows.get(0)[0]).intValue() <= ((Number) rows.get(0)[1]).intValue();
    }

    @PlatformTransactional
    public Optional<ProbeView> find(UUID id) {
        return NativeQueries.rows(
                        em,
                        "select id, service, requested_at, due_at, failures_wanted, attempts, first_started_at,"
                                + " completed_at,"
                                + " cast(extract(epoch from first_started_at - due_at) * 1000 as bigint),"
                                + " cast(extract(epoch from completed_at - requested_at) * 1000 as bigint)"
                                + " from platform.probe where id = ?1",
                        id)
                .stream()
                .findFirst()
                .map(row -> new ProbeView(
                        NativeQueries.uuid(row[0]),
                        (String) row[1],
                        NativeQueries.dateTime(row[2]),
                        NativeQueries.dateTime(row[3]),
                        ((Number) row[4]).intValue(),
                        ((Number) row[5]).intValue(),
                        NativeQueries.dateTime(row[6]),
                        NativeQueries.dateTime(row[7]),
                        row[8] == null ? null : ((Number) row[8]).longValue(),
                        row[9] == null ? null : ((Number) row[9]).longValue()));
    }
}
