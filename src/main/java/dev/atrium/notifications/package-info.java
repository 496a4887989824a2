/**
 * Notifications: what concerns a member (a mention, an assignment, a message, later a proposal, a payment, a badge),
 * raised by the module that knows through {@link dev.atrium.notifications.Notifications}, and delivered by the
 * channels the member chose: the notification centre (in-app, live), e-mail (at once, or in a daily or weekly
 * digest) and Web Push. docs/notifications.md.
 */
package dev.atrium.notifications;
