package dev.atrium.billing.application;

import dev.atrium.billing.domain.PaymentProvider.ProviderEvent;
import dev.atrium.platform.jobs.JobHandler;
import dev.atrium.platform.jobs.JobRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Applies one received provider event. A platform job (the tenant is found from the event); when the provider cannot
 * be reached to re-read the object it runs again with backoff, and an event that keeps failing is kept as a failed job
 * for an operator.
 */
@ApplicationScoped
public class StripeEventJob implements JobHandler<ProviderEvent> {

    static final String KIND = "billing.stripe-event";

    @Inject
    StripeEvents events;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<ProviderEvent> data() {
        return ProviderEvent.class;
    }

    @Override
    public void run(ProviderEvent event, JobRun run) {
        events.apply(event);
    }

    @Override
    public int maxAttempts() {
        return 10;
    }
}
