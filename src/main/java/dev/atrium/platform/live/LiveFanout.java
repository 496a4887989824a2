package dev.atrium.platform.live;

import dev.atrium.platform.outbox.Delivery;
import dev.atrium.platform.outbox.OutboxConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Takes live events from the outbox into the tenant's log; the NOTIFY it sends at commit reaches the connections on
 * every replica. The outbox event's id makes a repeated delivery append nothing.
 */
@ApplicationScoped
public class LiveFanout implements OutboxConsumer<LiveEventRaised> {

    @Inject
    LiveLog log;

    @Override
    public String name() {
        return "live.fanout";
    }

    @Override
    public Class<LiveEventRaised> event() {
        return LiveEventRaised.class;
    }

    @Override
    public void deliver(LiveEventRaised event, Delivery delivery) {
        log.append(delivery.eventId(), event, delivery.occurredAt());
    }
}
