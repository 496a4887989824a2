package dev.atrium.platform.mail;

import dev.atrium.platform.outbox.OutboxEvent;
import java.util.Map;

/**
 * A message asked for by a use case: the template and its values, not the rendered text, so that what is sent
 * carries the tenant's branding as it is when sending.
 *
 * @param locale a BCP 47 language tag (the member's language), or null for the tenant's
 */
@OutboxEvent("mail.requested")
public record MailRequested(String to, String template, String locale, Map<String, String> values) {}
