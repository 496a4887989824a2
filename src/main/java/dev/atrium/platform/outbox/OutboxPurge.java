package dev.atrium.platform.outbox;

import dev.atrium.platform.jobs.RecurringJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the outbox small: events whose deliveries all ended are removed after {@code atrium.outbox.keep-delivered}
 * (long enough to answer "was it sent?"); pending and failed ones stay until they end.
 */
@ApplicationScoped
public class OutboxPurge implements RecurringJob {

    private static final Logger LOG = Logger.getLogger(OutboxPurge.class.getName());

    @Inject
    OutboxStore store;

    @Inject
    @ConfigProperty(name = "atrium.outbox.keep-delivered", defaultValue = "P7D")
    Duration keepDelivered;

    @Override
    public String name() {
        return "outbox.purge";
    }

    @Override
    public Duration every() {
        return Duration.ofHours(1);
    }

    @Override
    public void run() {
        int purged = store.purgeFinished(OffsetDateTime.now().minus(keepDelivered));
        if (purged > 0) {
            LOG.info(() -> "Outbox: " + purged + " delivered event(s) purged");
        }
    }
}
