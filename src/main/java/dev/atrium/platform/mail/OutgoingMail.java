package dev.atrium.platform.mail;

/**
 * One rendered message, ready for the wire.
 *
 * @param messageId the Message-ID, the same for every attempt to send this message, so that a message sent twice
 *     (at-least-once delivery) is recognised as one by mail clients
 * @param unsubscribeUrl for the List-Unsubscribe headers (RFC 2369, RFC 8058), or null
 */
public record OutgoingMail(
        String to,
        String fromName,
        String replyTo,
        String subject,
        String html,
        String text,
        String messageId,
        String unsubscribeUrl,
        java.util.List<MailAttachments.File> files) {

    public OutgoingMail {
        files = files == null ? java.util.List.of() : java.util.List.copyOf(files);
    }
}
