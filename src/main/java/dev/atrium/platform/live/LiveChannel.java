package dev.atrium.platform.live;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * This replica's ear on PostgreSQL's {@value Live#CHANNEL} channel: one thread, one connection that LISTENs, and
 * every announcement (an event appended to a tenant's log, a passing signal, a member or tenant whose connections
 * end) is acted on for the connections this replica holds. Announcements of a burst arrive together and are read
 * with one query per tenant.
 *
 * <p>NOTIFY is not kept for a listener that is away: when the connection is lost, the channel listens again and then
 * reads each tenant's log from where it had got to, so the connections here miss nothing.
 */
@ApplicationScoped
public class LiveChannel {

    private static final Logger LOG = Logger.getLogger(LiveChannel.class.getName());
    private static final int CATCH_UP_LIMIT = 10_000;

    @Resource(lookup = "jdbc/atrium")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @Resource
    jakarta.enterprise.concurrent.ManagedExecutorService checks;

    @Inject
    LiveHub hub;

    @Inject
    LiveLog log;

    @Inject
    LiveConnections connections;

    private volatile boolean stopping;
    private Thread listener;

    void start(
            @Observes @Priority(Interceptor.Priority.APPLICATION + 600) @Initialized(ApplicationScoped.class)
                    Object started) {
        listener = threads.newThread(this::listen);
        listener.setName("atrium-live-channel");
        listener.start();
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopped) throws InterruptedException {
        stopping = true;
        if (listener != null) {
            listener.join(2_000);
        }
    }

    private void listen() {
        boolean caughtUp = true;
        while (!stopping) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + Live.CHANNEL);
                }
                if (!caughtUp) {
                    catchUp();
                }
                caughtUp = true;
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] notifications = postgres.getNotifications(500);
                    if (notifications != null && notifications.length > 0) {
                        handle(Arrays.asList(notifications));
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                if (stopping) {
                    return;
                }
                caughtUp = false;
                LOG.log(Level.WARNING, "Live channel lost its database connection; listening again in 1 s", lost);
                pause();
            }
        }
    }

    private void handle(List<PGNotification> notifications) {
        Map<UUID, List<Long>> appended = new LinkedHashMap<>();
        for (PGNotification notification : notifications) {
            String[] parts = notification.getParameter().split(" ", 5);
            UUID tenant = UUID.fromString(parts[1]);
            switch (parts[0]) {
                case "e" ->
                    appended.computeIfAbsent(tenant, t -> new ArrayList<>()).add(Long.parseLong(parts[2]));
                case "s" ->
                    hub.signal(
                            tenant,
                            Arrays.stream(parts[3].split(","))
                                    .map(UUID::fromString)
                                    .toList(),
                            new LiveFrame(null, parts[2], parts[4]));
                case "m" -> hub.endMember(tenant, UUID.fromString(parts[2]), LiveClose.refused(403, parts[3]));
                case "t" -> hub.endTenant(tenant, LiveClose.refused(403, parts[2]));
                default -> LOG.warning(() -> "Live channel: unknown announcement " + notification.getParameter());
            }
        }
        appended.forEach((tenant, ids) -> hub.anyOf(tenant).ifPresent(session -> {
            try {
                hub.deliver(tenant, log.byIds(session.tenant(), ids));
            } catch (SQLException unread) {
                // Listening again starts with catching up from the log: nothing announced here is lost.
                throw new IllegalStateException(
                        "Live channel could not read events " + ids + " of "
                                + session.tenant().slug(),
                        unread);
            }
        }));
    }

    /**
     * After a gap in listening: each tenant's log from where this replica had read it. Should more have happened than
     * is sent at once, the tenant's connections here are asked to reconnect and resume (or reload) instead.
     */
    private void catchUp() throws SQLException {
        // Removals and suspensions announced while this replica was not listening: the gate is asked again, on
        // another thread, so that the listening connection never shares its thread with a transaction.
        List<LiveSession> sessions = hub.sessions();
        checks.submit(() -> sessions.forEach(connections::recheck));
        for (Map.Entry<UUID, Long> position : hub.readPositions().entrySet()) {
            UUID tenant = position.getKey();
            java.util.Optional<LiveSession> held = hub.anyOf(tenant);
            if (held.isEmpty()) {
                continue;
            }
            List<LiveEvent> missed = log.after(held.get().tenant(), position.getValue(), null, CATCH_UP_LIMIT);
            if (missed.size() == CATCH_UP_LIMIT) {
                hub.endTenant(tenant, LiveClose.RESUME);
            } else {
                hub.deliver(tenant, missed);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
