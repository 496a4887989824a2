/** The notification as stored for its recipient. */
package dev.atrium.notifications.domain;
