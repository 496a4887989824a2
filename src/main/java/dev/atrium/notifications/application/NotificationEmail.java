package dev.atrium.notifications.application;

import dev.atrium.platform.outbox.Delivery;
import dev.atrium.platform.outbox.OutboxConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** E-mails a notification at once, after the change that raised it committed. */
@ApplicationScoped
public class NotificationEmail implements OutboxConsumer<NotificationRaised> {

    @Inject
    NotificationMailing mailing;

    @Override
    public String name() {
        return "notifications.email";
    }

    @Override
    public Class<NotificationRaised> event() {
        return NotificationRaised.class;
    }

    @Override
    public void deliver(NotificationRaised raised, Delivery delivery) {
        mailing.sendNow(raised.notificationId());
    }
}
