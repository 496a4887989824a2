package dev.atrium.platform.mail;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Jakarta Mail over SMTP, configured by {@code atrium.mail.*} ({@code ATRIUM_MAIL_HOST}, {@code _PORT},
 * {@code _FROM}, {@code _USERNAME}, {@code _PASSWORD}, {@code _STARTTLS}). Each message is multipart/alternative:
 * plain text first, HTML second, as mail clients expect.
 */
@ApplicationScoped
public class SmtpMailer implements Mailer {

    @Inject
    @ConfigProperty(name = "atrium.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "atrium.mail.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "atrium.mail.from", defaultValue = "no-reply@atrium.localhost")
    String from;

    @Inject
    @ConfigProperty(name = "atrium.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "atrium.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "atrium.mail.starttls", defaultValue = "false")
    boolean starttls;

    private Session session;

    @PostConstruct
    void configure() {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host.orElse("localhost"));
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "20000");
        properties.put("mail.smtp.writetimeout", "20000");
        properties.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        properties.put("mail.smtp.starttls.required", Boolean.toString(starttls));
        properties.put(
                "mail.smtp.auth",
                Boolean.toString(username.filter(name -> !name.isBlank()).isPresent()));
        session = Session.getInstance(properties);
    }

    @Override
    public void send(OutgoingMail mail) throws Exception {
        if (host.filter(name -> !name.isBlank()).isEmpty()) {
            throw new IllegalStateException("No mail server is configured (ATRIUM_MAIL_HOST)");
        }
        MimeMessage message = new IdentifiedMessage(session, mail.messageId());
        message.setFrom(new InternetAddress(from, mail.fromName(), StandardCharsets.UTF_8.name()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        if (mail.replyTo() != null && !mail.replyTo().isBlank()) {
            message.setReplyTo(new InternetAddress[] {new InternetAddress(mail.replyTo(), true)});
        }
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart body = new MimeMultipart("alternative", text, html);
        if (mail.files().isEmpty()) {
            message.setContent(body);
        } else {
            MimeBodyPart alternatives = new MimeBodyPart();
            alternatives.setContent(body);
            MimeMultipart mixed = new MimeMultipart("mixed", alternatives);
            for (MailAttachments.File file : mail.files()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new jakarta.activation.DataHandler(
                        new jakarta.mail.util.ByteArrayDataSource(file.content(), file.contentType())));
                part.setFileName(file.name());
                part.setDisposition(jakarta.mail.Part.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
        message.setSentDate(new java.util.Date());
        if (mail.unsubscribeUrl() != null) {
            // RFC 2369 and RFC 8058: mail clients offer "unsubscribe", and one click (a POST) does it.
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (username.filter(name -> !name.isBlank()).isPresent()) {
            Transport.send(message, username.get(), password.orElse(""));
        } else {
            Transport.send(message);
        }
    }

    /** A message whose Message-ID is ours (stable across attempts), not one Jakarta Mail makes up at each save. */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws jakarta.mail.MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
