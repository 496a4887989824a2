package dev.atrium.platform.mail;

import dev.atrium.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Where use cases ask for a message. It is recorded in the running transaction and sent after it commits (never if
 * it rolls back), by {@link MailDelivery}, for the tenant selected now.
 */
@ApplicationScoped
public class Mail {

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates templates;

    /**
     * @param template a template under {@code src/main/resources/mail} ({@code welcome}: welcome.subject.ftl,
     *     welcome.html.ftlh, welcome.txt.ftl, with {@code _es} etc. for translations)
     * @param locale the recipient's language tag, or null for the tenant's
     */
    public void send(String to, String template, String locale, Map<String, String> values) {
        send(to, template, locale, values, null);
    }

    /** A message the recipient can unsubscribe from: {@code unsubscribeUrl} goes in its headers and its footer. */
    public void send(String to, String template, String locale, Map<String, String> values, String unsubscribeUrl) {
        send(to, template, locale, values, unsubscribeUrl, List.of());
    }

    /**
     * A message with attachments, each named by its kind and reference and drawn when the message is sent (a receipt's
     * PDF), by the {@link MailAttachments} bean of that kind; the outbox carries the reference, not the file.
     */
    public void send(
            String to,
            String template,
            String locale,
            Map<String, String> values,
            String unsubscribeUrl,
            List<Attachment> attachments) {
        templates.requireExists(template);
        outbox.publish(
                new MailRequested(to, template, locale, Map.copyOf(values), unsubscribeUrl, List.copyOf(attachments)));
    }

    /** An attachment to draw at sending: {@code kind} names the {@link MailAttachments} bean, {@code ref} the thing. */
    public record Attachment(String kind, String ref) {}
}
