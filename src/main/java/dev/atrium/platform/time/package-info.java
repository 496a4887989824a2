/** Time: the injected {@link java.time.Clock} every service reads the current time from. */
package dev.atrium.platform.time;
