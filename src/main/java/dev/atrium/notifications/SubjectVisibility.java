package dev.atrium.notifications;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Answers, for the module that owns a kind of object, which of its objects a member can still see: a member is never
 * told (listed, mailed, pushed) about an object they can no longer see. Called with the tenant selected.
 */
public interface SubjectVisibility {

    /** The kind of object answered for ({@link NoticeSubject#kind()}). */
    String kind();

    /** Of these object ids, the ones the member can see now. */
    Set<String> visibleTo(UUID memberId, Collection<String> ids);
}
