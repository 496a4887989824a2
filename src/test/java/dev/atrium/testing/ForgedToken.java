package dev.atrium.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * A well-formed RS256 token with the realm's issuer and a powerful role, signed by a key the realm never published:
 * what an attacker who knows the token format but not the realm's private key could produce.
 */
public final class ForgedToken {

    private ForgedToken() {}

    public static String withRoles(String issuer, String subject, String... groups) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            long now = Instant.now().getEpochSecond();
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged-key\"}";
            String payload = String.format(
                    "{\"iss\":\"%s\",\"sub\":\"%s\",\"upn\":\"%s\",\"preferred_username\":\"%s\",\"iat\":%d,"
                            + "\"exp\":%d,\"groups\":[%s]}",
                    issuer, subject, subject, subject, now, now + 300, quoted(groups));
            String signingInput = encode(header) + "." + encode(payload);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String quoted(String... values) {
        StringBuilder joined = new StringBuilder();
        for (String value : values) {
            joined.append(joined.isEmpty() ? "" : ",").append('"').append(value).append('"');
        }
        return joined.toString();
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
