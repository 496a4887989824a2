package dev.atrium.platform.outbox;

import dev.atrium.platform.time.Backoff;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers the outbox: a few worker threads on every replica claim due deliveries, hand each to its consumer and
 * record the outcome. A commit that wrote events wakes them at once ({@link #wake()}); otherwise they look every
 * {@code atrium.outbox.poll-interval} for deliveries that came due (retries, other replicas' events, the leases of a
 * replica that died).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    OutboxStore store;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    OutboxConsumers consumers;

    @Inject
    @ConfigProperty(name = "atrium.outbox.workers", defaultValue = "2")
    int workers;

    @Inject
    @ConfigProperty(name = "atrium.outbox.batch", defaultValue = "20")
    int batch;

    @Inject
    @ConfigProperty(name = "atrium.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    /** How long a claimed delivery is held before another replica may take it over. */
    @Inject
    @ConfigProperty(name = "atrium.outbox.lease", defaultValue = "PT1M")
    Duration lease;

    @Inject
    @ConfigProperty(name = "atrium.outbox.retry-first", defaultValue = "PT2S")
    Duration retryFirst;

    @Inject
    @ConfigProperty(name = "atrium.outbox.retry-longest", defaultValue = "PT15M")
    Duration retryLongest;

    private final Object signal = new Object();
    private final List<Thread> running = new ArrayList<>();
    private long wakeups;
    private volatile boolean stopping;

    void start(
            @Observes @Priority(Interceptor.Priority.APPLICATION + 700) @Initialized(ApplicationScoped.class)
                    Object started) {
        Backoff backoff = new Backoff(retryFirst, retryLongest);
        for (int i = 1; i <= workers; i++) {
            Thread worker = threads.newThread(() -> work(backoff));
            worker.setName("atrium-outbox-" + i);
            running.add(worker);
            worker.start();
        }
        LOG.info(() -> "Outbox relay started: " + workers + " worker(s), polling every " + pollInterval);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopped) throws InterruptedException {
        stopping = true;
        wake();
        for (Thread worker : running) {
            worker.join(lease.toMillis());
        }
    }

    /** Something was committed to the outbox: look now rather than at the next poll. */
    public void wake() {
        synchronized (signal) {
            wakeups++;
            signal.notifyAll();
        }
    }

    private void work(Backoff backoff) {
        while (!stopping) {
            long seen;
            synchronized (signal) {
                seen = wakeups;
            }
            try {
                long leasedUntil = System.nanoTime() + lease.toNanos() * 9 / 10;
                List<ClaimedDelivery> claimed = store.claim(batch, lease);
                for (ClaimedDelivery delivery : claimed) {
                    // Slow consumers ahead in the batch used up the lease: leave the rest to be claimed again rather
                    // than deliver what another worker may be delivering already.
                    if (System.nanoTime() > leasedUntil) {
                        break;
                    }
                    record(delivery, dispatcher.deliver(delivery), backoff);
                }
                if (claimed.size() == batch) {
                    continue;
                }
            } catch (Exception failure) {
                // The database is away (restart, failover): the deliveries stay due and are taken at the next look.
                LOG.log(Level.WARNING, "Outbox relay could not reach the outbox; trying again", failure);
            }
            waitForWork(seen);
        }
    }

    private void record(ClaimedDelivery delivery, DeliveryOutcome outcome, Backoff backoff) throws Exception {
        switch (outcome.kind()) {
            case DELIVERED -> store.delivered(delivery);
            case DISCARDED -> store.finish(delivery, "DISCARDED", outcome.reason());
            case FAILED -> {
                int allowed = consumers
                        .named(delivery.consumer())
                        .map(OutboxConsumer::maxAttempts)
                        .orElse(Integer.MAX_VALUE);
                if (delivery.attempt() >= allowed) {
                    LOG.severe(() -> "Outbox delivery " + delivery.delivery().key() + " (" + delivery.type()
                            + ") failed " + delivery.attempt() + " times and is kept for an operator: "
                            + outcome.reason());
                    store.finish(delivery, "FAILED", outcome.reason());
                } else {
                    store.retryAfter(delivery, backoff.after(delivery.attempt()), outcome.reason());
                }
            }
        }
    }

    private void waitForWork(long seen) {
        synchronized (signal) {
            if (wakeups != seen || stopping) {
                return;
            }
            try {
                signal.wait(pollInterval.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }
    }
}
