package dev.atrium.notifications.application;

import dev.atrium.notifications.NotificationKind.EmailCadence;
import dev.atrium.platform.jobs.RecurringJob;
import dev.atrium.platform.tenancy.application.EveryTenant;
import dev.atrium.platform.tenancy.domain.TenantModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks every hour, in every tenant with notifications, for daily and weekly digests that are due: a member's digest
 * goes out {@code atrium.notifications.daily-digest-every} (or weekly) after their previous one.
 */
@ApplicationScoped
public class NotificationDigests implements RecurringJob {

    @Inject
    EveryTenant everyTenant;

    @Inject
    NotificationMailing mailing;

    @Inject
    @ConfigProperty(name = "atrium.notifications.daily-digest-every", defaultValue = "PT24H")
    Duration daily;

    @Inject
    @ConfigProperty(name = "atrium.notifications.weekly-digest-every", defaultValue = "P7D")
    Duration weekly;

    @Override
    public String name() {
        return "notifications.digests";
    }

    @Override
    public Duration every() {
        return Duration.ofHours(1);
    }

    @Override
    public void run() {
        everyTenant.forEach("Notification digests", tenant -> {
            if (tenant.hasEnabled(TenantModule.NOTIFICATIONS)) {
                mailing.sendDigests(EmailCadence.DAILY, daily);
                mailing.sendDigests(EmailCadence.WEEKLY, weekly);
            }
        });
    }
}
