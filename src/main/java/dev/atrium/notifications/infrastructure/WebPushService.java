package dev.atrium.notifications.infrastructure;

import com.google.crypto.tink.apps.webpush.WebPushHybridEncrypt;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one Web Push message (RFC 8030) to a browser's push service: the payload encrypted for the subscription
 * (RFC 8291, aes128gcm, by Tink) and the request signed with the installation's VAPID key (RFC 8292).
 */
@ApplicationScoped
public class WebPushService {

    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    @Inject
    VapidKeys vapid;

    /** Who push services contact about our messages: a mailto: or https: address (RFC 8292). */
    @Inject
    @ConfigProperty(name = "atrium.notifications.vapid-subject", defaultValue = "mailto:operator@atrium.localhost")
    String subject;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** A browser's subscription: where to send, and the keys its messages are encrypted for. */
    public record Subscription(String endpoint, String p256dh, String auth) {}

    /** Sends; answers the push service's status (201 accepted; 404 or 410: the subscription is gone). */
    public int send(Subscription subscription, String payload, Duration timeToLive) throws Exception {
        byte[] body = new WebPushHybridEncrypt.Builder()
                .withAuthSecret(BASE64URL.decode(subscription.auth()))
                .withRecipientPublicKey(BASE64URL.decode(subscription.p256dh()))
                .build()
                .encrypt(payload.getBytes(StandardCharsets.UTF_8), null);
        URI endpoint = URI.create(subscription.endpoint());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                .header("TTL", Long.toString(timeToLive.toSeconds()))
                .header("Urgency", "normal")
                .header("Authorization", "vapid t=" + vapidToken(endpoint) + ", k=" + vapid.publicKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The VAPID JWT: for the push service's origin, valid 12 hours. */
    private String vapidToken(URI endpoint) throws Exception {
        String audience = endpoint.getScheme() + "://" + endpoint.getHost()
                + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                new JWTClaimsSet.Builder()
                        .audience(audience)
                        .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(12))))
                        .subject(subject)
                        .build());
        jwt.sign(new ECDSASigner(vapid.privateKey()));
        return jwt.serialize();
    }
}
