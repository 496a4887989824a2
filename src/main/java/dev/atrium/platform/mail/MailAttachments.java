package dev.atrium.platform.mail;

import java.util.Optional;

/**
 * Draws the files of one kind of mail attachment when a message is sent (a CDI bean per kind, e.g. billing's
 * receipts), for the tenant the message was asked for. Asked for at sending rather than stored with the request, so
 * the outbox stays small and the file shows the thing as it is then.
 */
public interface MailAttachments {

    /** The kind that {@link Mail.Attachment#kind()} names. */
    String kind();

    /** The file for a reference, or empty if its subject no longer exists. */
    Optional<File> draw(String ref);

    record File(String name, String contentType, byte[] content) {}
}
