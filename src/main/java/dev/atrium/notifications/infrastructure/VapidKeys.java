package dev.atrium.notifications.infrastructure;

import dev.atrium.platform.security.InstallationKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The installation's VAPID key pair (RFC 8292): push services accept messages signed with it for subscriptions made
 * with its public key. Made on first use and kept for the installation (every replica the same); an operator can
 * supply one instead ({@code ATRIUM_NOTIFICATIONS_VAPID_KEY_PAIR}: the PKCS#8 private key and the X.509 public key,
 * each base64url, joined by a dot), e.g. to keep the browsers' subscriptions across a reinstallation.
 */
@ApplicationScoped
public class VapidKeys {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Inject
    InstallationKeys keys;

    @Inject
    @ConfigProperty(name = "atrium.notifications.vapid-key-pair")
    Optional<String> configured;

    private volatile KeyPair pair;

    /** Made (or read) at start, after the platform's migrations, so that no request that only reads ever writes the installation's key. */
    void ensure(
            @jakarta.enterprise.event.Observes
                    @jakarta.annotation.Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 600)
                    @jakarta.enterprise.context.Initialized(ApplicationScoped.class)
                    Object started) {
        pair();
    }

    /** The public key as browsers take it ({@code applicationServerKey}): the uncompressed point, base64url. */
    public String publicKey() {
        return BASE64URL.encodeToString(uncompressed((ECPublicKey) pair().getPublic()));
    }

    public ECPrivateKey privateKey() {
        return (ECPrivateKey) pair().getPrivate();
    }

    private KeyPair pair() {
        KeyPair known = pair;
        if (known == null) {
            String stored = configured
                    .filter(value -> !value.isBlank())
                    .orElseGet(() -> keys.key("notifications.vapid", VapidKeys::generate));
            known = pair = read(stored);
        }
        return known;
    }

    private static String generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair generated = generator.generateKeyPair();
            return BASE64URL.encodeToString(generated.getPrivate().getEncoded()) + "."
                    + BASE64URL.encodeToString(generated.getPublic().getEncoded());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("P-256 is part of every JDK", impossible);
        }
    }

    private static KeyPair read(String stored) {
        try {
            String[] parts = stored.split("\\.");
            KeyFactory factory = KeyFactory.getInstance("EC");
            return new KeyPair(
                    factory.generatePublic(
                            new X509EncodedKeySpec(Base64.getUrlDecoder().decode(parts[1]))),
                    factory.generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getUrlDecoder().decode(parts[0]))));
        } catch (GeneralSecurityException | RuntimeException invalid) {
            throw new IllegalStateException(
                    "The VAPID key pair is not <PKCS#8 private key>.<X.509 public key> in base64url", invalid);
        }
    }

    static byte[] uncompressed(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 4;
        copy(key.getW().getAffineX(), point, 1);
        copy(key.getW().getAffineY(), point, 33);
        return point;
    }

    private static void copy(BigInteger coordinate, byte[] into, int at) {
        byte[] bytes = coordinate.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, at + 32 - length, length);
        Arrays.fill(into, at, at + 32 - length, (byte) 0);
    }
}
