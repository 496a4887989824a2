package dev.atrium.platform.outbox;

import dev.atrium.platform.errors.Failures;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.application.TenantDirectory;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Hands one claimed delivery to its consumer, with the event's tenant selected as it would be for a request. */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

    @Inject
    OutboxConsumers consumers;

    @Inject
    TenantDirectory directory;

    @Inject
    CurrentTenant currentTenant;

    /** Its own request context: {@link CurrentTenant} and the use cases the consumer calls need one. */
    @ActivateRequestContext
    public DeliveryOutcome deliver(ClaimedDelivery claimed) {
        Optional<OutboxConsumer<?>> consumer = consumers.named(claimed.consumer());
        if (consumer.isEmpty()) {
            // Written by a newer version of the application during a rolling update: a replica that has it delivers.
            return DeliveryOutcome.failed("no consumer named " + claimed.consumer() + " in this version");
        }
        if (claimed.tenantId() == null) {
            return attempt(consumer.get(), claimed);
        }
        Optional<TenantRef> tenant = directory.workingRef(claimed.tenantId());
        if (tenant.isEmpty()) {
            return DeliveryOutcome.discarded("the tenant no longer exists");
        }
        return currentTenant.runAs(tenant.get(), () -> attempt(consumer.get(), claimed));
    }

    private static <E> DeliveryOutcome attempt(OutboxConsumer<E> consumer, ClaimedDelivery claimed) {
        try {
            E event = OutboxConsumers.read(consumer.event(), claimed.payload());
            consumer.deliver(event, claimed.delivery());
            return DeliveryOutcome.delivered();
        } catch (Exception | LinkageError failure) {
            LOG.log(
                    Level.WARNING,
                    failure,
                    () -> "Outbox delivery " + claimed.delivery().key() + " (" + claimed.type() + ", attempt "
                            + claimed.attempt() + ") failed");
            return DeliveryOutcome.failed(Failures.describe(failure));
        }
    }
}
