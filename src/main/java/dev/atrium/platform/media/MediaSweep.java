package dev.atrium.platform.media;

import dev.atrium.platform.jobs.RecurringJob;
import dev.atrium.platform.tenancy.application.EveryTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes, in every tenant, uploads never attached to anything after {@code atrium.media.unattached-for} (24 h: an
 * upload belongs to a post or lesson being written, not forever to nobody), and presigned uploads never completed
 * after the same time.
 */
@ApplicationScoped
public class MediaSweep implements RecurringJob {

    private static final Logger LOG = Logger.getLogger(MediaSweep.class.getName());

    @Inject
    EveryTenant everyTenant;

    @Inject
    MediaSweeper sweeper;

    @Inject
    @ConfigProperty(name = "atrium.media.unattached-for", defaultValue = "PT24H")
    Duration unattachedFor;

    @Override
    public String name() {
        return "media.sweep";
    }

    @Override
    public Duration every() {
        return Duration.ofHours(1);
    }

    @Override
    public void run() {
        everyTenant.forEach("Media sweep", tenant -> {
            int swept = sweeper.sweep(unattachedFor);
            if (swept > 0) {
                LOG.info(() -> "Media sweep: " + swept + " unattached upload(s) removed in " + tenant.slug());
            }
        });
    }
}
