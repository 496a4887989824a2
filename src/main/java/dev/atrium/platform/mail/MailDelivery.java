package dev.atrium.platform.mail;

import dev.atrium.platform.outbox.Delivery;
import dev.atrium.platform.outbox.OutboxConsumer;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.domain.Branding;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Renders a requested message with its tenant's branding and language and sends it. */
@ApplicationScoped
public class MailDelivery implements OutboxConsumer<MailRequested> {

    private static final String PLATFORM_NAME = "Atrium";
    private static final String DEFAULT_COLOR = "#3b5bdb";

    @Inject
    MailTemplates templates;

    @Inject
    Mailer mailer;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    jakarta.enterprise.inject.Instance<MailAttachments> attachmentSources;

    @Override
    public String name() {
        return "mail.send";
    }

    @Override
    public Class<MailRequested> event() {
        return MailRequested.class;
    }

    @Override
    public void deliver(MailRequested mail, Delivery delivery) throws Exception {
        Optional<TenantRef> tenant = currentTenant.selected();
        Optional<Branding> branding = tenant.map(TenantRef::branding);
        String name = branding.map(Branding::displayName)
                .or(() -> tenant.map(TenantRef::name))
                .orElse(PLATFORM_NAME);
        Locale locale = Locale.forLanguageTag(Optional.ofNullable(mail.locale())
                .or(() -> branding.map(Branding::locale))
                .orElse("en"));
        Map<String, Object> model = new HashMap<>(mail.values());
        if (mail.unsubscribeUrl() != null) {
            model.put("unsubscribeUrl", mail.unsubscribeUrl());
        }
        model.put(
                "brand",
                Map.of(
                        "name", name,
                        "logoUrl", branding.map(Branding::logoUrl).orElse(""),
                        "color", branding.map(Branding::primaryColor).orElse(DEFAULT_COLOR),
                        "supportEmail", branding.map(Branding::supportEmail).orElse("")));
        MailTemplates.Rendered rendered = templates.render(mail.template(), locale, model);
        mailer.send(new OutgoingMail(
                mail.to(),
                name,
                branding.map(Branding::supportEmail).orElse(null),
                rendered.subject(),
                rendered.html(),
                rendered.text(),
                "<" + delivery.key().replace(':', '.') + "@atrium>",
                mail.unsubscribeUrl(),
                files(mail.attachments())));
    }

    /** Each attachment drawn by the bean of its kind; one whose subject is gone is left out, not retried forever. */
    private java.util.List<MailAttachments.File> files(java.util.List<Mail.Attachment> attachments) {
        java.util.List<MailAttachments.File> files = new java.util.ArrayList<>();
        for (Mail.Attachment attachment : attachments) {
            MailAttachments source = attachmentSources.stream()
                    .filter(candidate -> candidate.kind().equals(attachment.kind()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No mail attachments of kind " + attachment.kind()));
            source.draw(attachment.ref()).ifPresent(files::add);
        }
        return files;
    }
}
