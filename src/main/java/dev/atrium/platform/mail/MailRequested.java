package dev.atrium.platform.mail;

import dev.atrium.platform.outbox.OutboxEvent;
import java.util.List;
import java.util.Map;

/**
 * A message asked for by a use case: the template and its values, not the rendered text, so that what is sent
 * carries the tenant's branding as it is when sending.
 *
 * @param locale a BCP 47 language tag (the member's language), or null for the tenant's
 * @param unsubscribeUrl where the recipient stops this kind of message without signing in (RFC 8058 one-click, and
 *     a link in the text), or null for messages one cannot unsubscribe from (a welcome, a password link)
 * @param attachments files drawn when the message is sent (see {@link MailAttachments})
 */
@OutboxEvent("mail.requested")
public record MailRequested(
        String to,
        String template,
        String locale,
        Map<String, String> values,
        String unsubscribeUrl,
        List<Mail.Attachment> attachments) {

    /** Messages recorded before attachments existed have none. */
    public MailRequested {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
