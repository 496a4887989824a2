package dev.atrium.notifications;

/**
 * The object a notification is about, as its module names it.
 *
 * @param kind the kind of object, answered for by a {@link SubjectVisibility} of the same kind ({@code project})
 * @param id the object's id in its module, the one visibility is asked about
 * @param link where a client opens it, relative to the tenant's API ({@code /projects/…/tasks/…})
 */
public record NoticeSubject(String kind, String id, String link) {}
