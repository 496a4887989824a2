package dev.atrium.notifications;

/**
 * How a module tells members that something concerns them: inside its use case's transaction, for the current
 * tenant. Nothing is sent for a change that rolls back. The notifications module decides, per recipient, which
 * channels carry it (their preferences, or the defaults for their roles); the module never writes its tables.
 */
public interface Notifications {

    /** One notification for each recipient but the actor (nobody is told about what they did themselves). */
    void raise(Notice notice);
}
