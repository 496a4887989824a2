/** The notifications REST API: the centre, preferences, push subscriptions and unsubscribe links. */
package dev.atrium.notifications.api;
