package dev.atrium.notifications.application;

import dev.atrium.platform.outbox.OutboxEvent;
import java.util.UUID;

/** A notification to be e-mailed at once or pushed, after the change that raised it committed. */
@OutboxEvent("notifications.raised")
public record NotificationRaised(UUID notificationId) {}
