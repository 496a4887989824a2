package dev.atrium.platform.live;

import dev.atrium.platform.jobs.RecurringJob;
import dev.atrium.platform.tenancy.application.EveryTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps each tenant's live log to {@code atrium.live.retention} (24 h: a laptop closed overnight resumes; a client away
 * longer reloads, which it would want to anyway).
 */
@ApplicationScoped
public class LivePurge implements RecurringJob {

    private static final Logger LOG = Logger.getLogger(LivePurge.class.getName());

    @Inject
    EveryTenant everyTenant;

    @Inject
    LiveLog log;

    @Inject
    @ConfigProperty(name = "atrium.live.retention", defaultValue = "PT24H")
    Duration retention;

    @Override
    public String name() {
        return "live.purge";
    }

    @Override
    public Duration every() {
        return Duration.ofMinutes(10);
    }

    @Override
    public void run() {
        everyTenant.forEach("Live log purge", tenant -> {
            int purged = log.purge(retention);
            if (purged > 0) {
                LOG.fine(() -> "Live log purge: " + purged + " event(s) of " + tenant.slug());
            }
        });
    }
}
