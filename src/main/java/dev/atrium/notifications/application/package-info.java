/** The notifications use cases: raising, the centre, preferences, e-mail and digests, Web Push. */
package dev.atrium.notifications.application;
