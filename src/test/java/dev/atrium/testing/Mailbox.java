package dev.atrium.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

/** The test system's mailbox (GreenMail's HTTP API): what the application and Keycloak sent to an address. */
public final class Mailbox {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Session SESSION = Session.getInstance(new Properties());

    private Mailbox() {}

    /** A received message, parsed. */
    public record Received(
            String from,
            String fromName,
            String subject,
            String text,
            String html,
            String messageId,
            String listUnsubscribe,
            List<Attachment> attachments) {}

    /** A file attached to a message. */
    public record Attachment(String fileName, String contentType, byte[] content) {}

    /** Every message received for the address so far (none if the address never received one). */
    public static List<Received> of(String address) {
        String url = TestSystem.profile().mailApiUrl() + "/api/user/"
                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/";
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400) {
                return List.of();
            }
            JsonArray messages =
                    Json.createReader(new StringReader(response.body())).readArray();
            return messages.stream().map(Mailbox::parse).toList();
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Waits for a message to the address that matches. */
    public static Received await(String address, Predicate<Received> matching) {
        return Await.until("a matching message to " + address, Duration.ofSeconds(30), () -> of(address).stream()
                .filter(matching)
                .findFirst());
    }

    /** The text and HTML bodies (into {@code bodies[0]} and {@code [1]}) and the attachments, at any depth. */
    private static void collect(Multipart parts, String[] bodies, List<Attachment> attachments) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null) {
                attachments.add(new Attachment(
                        part.getFileName(),
                        part.getContentType(),
                        part.getInputStream().readAllBytes()));
            } else if (part.getContent() instanceof Multipart nested) {
                collect(nested, bodies, attachments);
            } else if (part.isMimeType("text/plain")) {
                bodies[0] = (String) part.getContent();
            } else if (part.isMimeType("text/html")) {
                bodies[1] = (String) part.getContent();
            }
        }
    }

    private static Received parse(JsonValue json) {
        String raw = json.asJsonObject().getString("mimeMessage");
        try {
            MimeMessage message =
                    new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            InternetAddress from = (InternetAddress) message.getFrom()[0];
            String[] bodies = new String[2];
            List<Attachment> attachments = new java.util.ArrayList<>();
            Object content = message.getContent();
            if (content instanceof Multipart parts) {
                collect(parts, bodies, attachments);
            } else {
                bodies[0] = Optional.ofNullable(content).map(Object::toString).orElse("");
            }
            return new Received(
                    from.getAddress(),
                    from.getPersonal(),
                    message.getSubject(),
                    bodies[0],
                    bodies[1],
                    message.getMessageID(),
                    message.getHeader("List-Unsubscribe", null),
                    List.copyOf(attachments));
        } catch (Exception unreadable) {
            throw new IllegalStateException("Unreadable message: " + raw, unreadable);
        }
    }
}
