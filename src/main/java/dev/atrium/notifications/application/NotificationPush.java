package dev.atrium.notifications.application;

import dev.atrium.platform.outbox.Delivery;
import dev.atrium.platform.outbox.OutboxConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Pushes a notification to its member's devices after the change that raised it committed. */
@ApplicationScoped
public class NotificationPush implements OutboxConsumer<NotificationRaised> {

    @Inject
    PushDevices devices;

    @Override
    public String name() {
        return "notifications.push";
    }

    @Override
    public Class<NotificationRaised> event() {
        return NotificationRaised.class;
    }

    @Override
    public void deliver(NotificationRaised raised, Delivery delivery) {
        devices.claim(raised.notificationId()).ifPresent(push -> devices.recorded(push, devices.send(push)));
    }
}
