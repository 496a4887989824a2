package dev.atrium.platform.live;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The live connections this replica holds, by tenant and member, and what each tenant's log has been read up to here
 * (so that after losing the database connection the channel catches up from there). Delivery only queues frames:
 * nothing here waits for a client.
 */
@ApplicationScoped
public class LiveHub {

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<UUID, Map<UUID, Set<LiveSession>>> sessions = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicLong> readUpTo = new ConcurrentHashMap<>();
    private ScheduledFuture<?> heartbeats;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        heartbeats =
                scheduler.scheduleAtFixedRate(() -> all().forEach(LiveSession::heartbeat), 25, 25, TimeUnit.SECONDS);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopped) {
        if (heartbeats != null) {
            heartbeats.cancel(false);
        }
        all().forEach(session -> session.closeWith(LiveClose.SHUTTING_DOWN));
    }

    /** Adds an admitted session, still resuming: live events are held back for it until it has caught up. */
    void register(LiveSession session) {
        sessions.compute(session.tenant().id(), (tenant, members) -> {
            Map<UUID, Set<LiveSession>> held = members != null ? members : new ConcurrentHashMap<>();
            held.compute(session.memberId(), (member, devices) -> {
                Set<LiveSession> all = devices != null ? devices : ConcurrentHashMap.newKeySet();
                all.add(session);
                return all;
            });
            return held;
        });
    }

    /** Where this replica starts reading a tenant's log when it first holds one of its connections. */
    void readFrom(UUID tenantId, long position) {
        readUpTo.computeIfAbsent(tenantId, tenant -> new AtomicLong(position));
    }

    /** Lets go of a session; a tenant with no connections left here is no longer read (nor caught up). */
    void unregister(LiveSession session) {
        sessions.computeIfPresent(session.tenant().id(), (tenant, members) -> {
            members.computeIfPresent(session.memberId(), (member, devices) -> {
                devices.remove(session);
                return devices.isEmpty() ? null : devices;
            });
            if (members.isEmpty()) {
                readUpTo.remove(tenant);
                return null;
            }
            return members;
        });
    }

    /** Sends each event to the connections of its recipients held here; one frame per event, shared. */
    void deliver(UUID tenantId, List<LiveEvent> events) {
        Map<UUID, Set<LiveSession>> members = sessions.get(tenantId);
        for (LiveEvent event : events) {
            readUpTo.computeIfAbsent(tenantId, tenant -> new AtomicLong()).accumulateAndGet(event.id(), Math::max);
            if (members == null) {
                continue;
            }
            LiveFrame frame = event.frame();
            for (UUID recipient : event.recipients()) {
                Set<LiveSession> held = members.get(recipient);
                if (held != null) {
                    held.forEach(session -> session.deliver(event, frame));
                }
            }
        }
    }

    void signal(UUID tenantId, Collection<UUID> recipients, LiveFrame frame) {
        Map<UUID, Set<LiveSession>> members = sessions.get(tenantId);
        if (members == null) {
            return;
        }
        for (UUID recipient : recipients) {
            Set<LiveSession> held = members.get(recipient);
            if (held != null) {
                held.forEach(session -> session.send(frame));
            }
        }
    }

    void endMember(UUID tenantId, UUID memberId, LiveClose reason) {
        Map<UUID, Set<LiveSession>> members = sessions.get(tenantId);
        Set<LiveSession> held = members == null ? null : members.get(memberId);
        if (held != null) {
            List.copyOf(held).forEach(session -> session.closeWith(reason));
        }
    }

    void endTenant(UUID tenantId, LiveClose reason) {
        Map<UUID, Set<LiveSession>> members = sessions.get(tenantId);
        if (members != null) {
            members.values().stream().flatMap(Set::stream).toList().forEach(session -> session.closeWith(reason));
        }
    }

    boolean holdsAnyOf(UUID tenantId) {
        Map<UUID, Set<LiveSession>> members = sessions.get(tenantId);
        return members != null && !members.isEmpty();
    }

    /** A session of the tenant held here, for its schema; empty if none is. */
    java.util.Optional<LiveSession> anyOf(UUID tenantId) {
        Map<UUID, Set<LiveSession>> members = sessions.get(tenantId);
        return members == null
                ? java.util.Optional.empty()
                : members.values().stream().flatMap(Set::stream).findFirst();
    }

    /** Tenants with connections here and how far their log was read, for catching up. */
    Map<UUID, Long> readPositions() {
        Map<UUID, Long> positions = new java.util.HashMap<>();
        readUpTo.forEach((tenant, upTo) -> {
            if (holdsAnyOf(tenant)) {
                positions.put(tenant, upTo.get());
            }
        });
        return positions;
    }

    /** Every session held here, a copy. */
    List<LiveSession> sessions() {
        return all().toList();
    }

    /** How many connections this replica holds (for the health check and the benchmark). */
    public int connections() {
        return (int) all().count();
    }

    private Stream<LiveSession> all() {
        return sessions.values().stream()
                .flatMap(members -> members.values().stream())
                .flatMap(Set::stream);
    }

    ScheduledFuture<?> at(java.time.Instant when, Runnable action) {
        long delay = Math.max(0, when.toEpochMilli() - System.currentTimeMillis());
        return scheduler.schedule(action, delay, TimeUnit.MILLISECONDS);
    }
}
