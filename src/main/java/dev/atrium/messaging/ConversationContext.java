package dev.atrium.messaging;

/**
 * An object of another module that can have a conversation of its own (a project, a contract, a course, an event),
 * published by that module as a CDI bean: the module, not messaging, decides who takes part — asked at every access,
 * so that someone who leaves the project leaves its conversation at once.
 */
public interface ConversationContext {

    /** The kind of object, e.g. {@code project}. */
    String type();

    /** Whether the calling member may take part (read and write) in the object's conversation now. */
    boolean callerMayTakePart(String id);

    /**
     * Whether a given member may take part now: asked before each event of the conversation goes to its participants'
     * live connections, so that someone who left the object stops receiving them at once.
     */
    boolean mayTakePart(String id, java.util.UUID memberId);
}
