package dev.atrium.platform.media;

/**
 * Who may read a private medium that belongs to a module's object (an attachment of a message, a course's file):
 * published by the owning module as a CDI bean, asked with the caller's request; its uploader and the tenant's admins
 * may always read it.
 */
public interface MediaReadAccess {

    /** The module whose media it answers for ({@link MediaOwner#module()}). */
    String module();

    /** Whether the calling member may read media belonging to this owner now. */
    boolean callerMayRead(MediaOwner owner);
}
