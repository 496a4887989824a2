package dev.atrium.billing.application;

import dev.atrium.platform.jobs.RecurringJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends grace periods that have run out: a tenant whose plan payment still fails is suspended, one whose subscription
 * was cancelled is archived. Each tenant in its own transaction; one failure does not hold up the others.
 */
@ApplicationScoped
public class PlanGraceSweep implements RecurringJob {

    private static final Logger LOG = Logger.getLogger(PlanGraceSweep.class.getName());

    @Inject
    PlanSubscriptions subscriptions;

    @Inject
    @ConfigProperty(name = "atrium.billing.grace-check-every", defaultValue = "PT5M")
    Duration every;

    @Override
    public String name() {
        return "billing.plan-grace";
    }

    @Override
    public Duration every() {
        return every;
    }

    @Override
    public void run() {
        for (UUID tenant : subscriptions.graceEnded()) {
            try {
                subscriptions.endGrace(tenant);
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, failure, () -> "Ending the plan grace period of tenant " + tenant + " failed");
            }
        }
    }
}
