package dev.atrium.platform.probe;

import dev.atrium.platform.outbox.Delivery;
import dev.atrium.platform.outbox.OutboxConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The outbox probe's consumer: fails as often as asked, then records the delivery. */
@ApplicationScoped
public class ProbeReceipt implements OutboxConsumer<ProbeRequested> {

    @Inject
    Probes probes;

    @Override
    public String name() {
        return "platform.probe-receipt";
    }

    @Override
    public Class<ProbeRequested> event() {
        return ProbeRequested.class;
    }

    @Override
    public void deliver(ProbeRequested probe, Delivery delivery) {
        if (probes.attempt(probe.probeId())) {
            throw new ProbeFailure(delivery.attempt());
        }
    }

    @Override
    public int maxAttempts() {
        return 3;
    }
}
