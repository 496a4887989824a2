/** The notifications module's tables and its outside parties (Web Push services). */
package dev.atrium.notifications.infrastructure;
