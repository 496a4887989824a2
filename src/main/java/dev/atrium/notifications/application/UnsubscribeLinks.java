package dev.atrium.notifications.application;

import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.security.InstallationKeys;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The link in every notification e-mail that stops that kind of e-mail without signing in: a token naming the tenant,
 * the member and the kind ({@value #EVERY_DIGEST} for digests), signed with the installation's key (HMAC-SHA256),
 * so it cannot be made for someone else or another kind. It does not expire: an old e-mail's link still works.
 */
@ApplicationScoped
public class UnsubscribeLinks {

    /** The kind an unsubscribe from a digest names: every kind that goes into digests. */
    public static final String EVERY_DIGEST = "digests";

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    InstallationKeys keys;

    /** Where members' browsers reach the platform. */
    @Inject
    @ConfigProperty(name = "atrium.public-url", defaultValue = "http://localhost:9080")
    String publicUrl;

    /** Made (or read) at start, after the platform's migrations, so that showing an unsubscribe page (a GET) never writes the key. */
    void ensure(
            @jakarta.enterprise.event.Observes
                    @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 600)
                    @jakarta.enterprise.context.Initialized(ApplicationScoped.class)
                    Object started) {
        key();
    }

    /** What a valid token says. */
    public record Unsubscription(UUID tenantId, UUID memberId, String type) {}

    public String url(TenantRef tenant, UUID member, String type) {
        String payload = tenant.id() + "|" + member + "|" + type;
        String token = BASE64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + sign(payload);
        return publicUrl + "/t/" + tenant.slug() + "/api/v1/notifications/unsubscribe?token=" + token;
    }

    /** The unsubscription a token carries, if it is one of ours for this tenant; refused otherwise. */
    public Unsubscription read(TenantRef tenant, String token) {
        return parse(token)
                .filter(unsubscription -> unsubscription.tenantId().equals(tenant.id()))
                .orElseThrow(() -> new ForbiddenException(
                        "invalid-unsubscribe-link",
                        "Invalid unsubscribe link",
                        "This unsubscribe link is not valid here; use the one in the e-mail as it was sent."));
    }

    private Optional<Unsubscription> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, parts[1].getBytes(StandardCharsets.US_ASCII))) {
                return Optional.empty();
            }
            String[] fields = payload.split("\\|", 3);
            return Optional.of(new Unsubscription(UUID.fromString(fields[0]), UUID.fromString(fields[1]), fields[2]));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformed) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key()), "HmacSHA256"));
            return BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }

    private String key() {
        return keys.key("notifications.unsubscribe", () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        });
    }
}
