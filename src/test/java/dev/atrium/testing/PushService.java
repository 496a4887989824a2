package dev.atrium.testing;

import com.google.crypto.tink.apps.webpush.WebPushHybridDecrypt;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.opentest4j.AssertionFailedError;

/**
 * A Web Push service as browsers' vendors run one (RFC 8030), on a local port, and the browser behind it: it makes
 * subscriptions (a P-256 key pair and an auth secret, as {@code PushManager.subscribe} does), accepts the
 * application's POSTs and decrypts them (RFC 8291) with the subscription's private key.
 */
public final class PushService implements AutoCloseable {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final Map<String, Browser> browsers = new ConcurrentHashMap<>();

    /** A message as the service received it, decrypted. */
    public record Pushed(String path, String authorization, String contentEncoding, String ttl, String payload) {}

    /** One subscription: its endpoint and keys, and what was pushed to it. */
    public final class Browser {
        final String path = "/push/" + UUID.randomUUID();
        final KeyPair keys;
        final byte[] auth = new byte[16];
        final BlockingQueue<Pushed> received = new LinkedBlockingQueue<>();
        volatile int answer = 201;

        Browser() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
            new SecureRandom().nextBytes(auth);
        }

        public String endpoint() {
            return "http://localhost:" + server.getAddress().getPort() + path;
        }

        /** The subscription as the browser's {@code PushSubscription.toJSON()} gives it. */
        public String subscriptionJson() {
            return Json.createObjectBuilder()
                    .add("endpoint", endpoint())
                    .add(
                            "keys",
                            Json.createObjectBuilder()
                                    .add("p256dh", BASE64URL.encodeToString(uncompressed((ECPublicKey)
                                            keys.getPublic())))
                                    .add("auth", BASE64URL.encodeToString(auth)))
                    .build()
                    .toString();
        }

        /** What the service answers for this subscription from now on (410: gone, as after the user revoked it). */
        public void answer(int status) {
            answer = status;
        }

        public Pushed next() throws InterruptedException {
            Pushed pushed = received.poll(LiveClient.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (pushed == null) {
                throw new AssertionFailedError("Nothing was pushed to " + path + " within " + LiveClient.PATIENCE);
            }
            return pushed;
        }

        String decrypt(byte[] body) throws Exception {
            byte[] plain = new WebPushHybridDecrypt.Builder()
                    .withAuthSecret(auth)
                    .withRecipientPublicKey(uncompressed((ECPublicKey) keys.getPublic()))
                    .withRecipientPrivateKey((ECPrivateKey) keys.getPrivate())
                    .build()
                    .decrypt(body, null);
            return new String(plain, StandardCharsets.UTF_8);
        }
    }

    private PushService(HttpServer server) {
        this.server = server;
        server.createContext("/push/", exchange -> {
            Browser browser = browsers.get(exchange.getRequestURI().getPath());
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = browser == null ? 404 : browser.answer;
            if (browser != null && status == 201) {
                try {
                    browser.received.add(new Pushed(
                            exchange.getRequestURI().getPath(),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("Content-Encoding"),
                            exchange.getRequestHeaders().getFirst("TTL"),
                            browser.decrypt(body)));
                } catch (Exception undecryptable) {
                    status = 400;
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public static PushService start() throws Exception {
        return new PushService(HttpServer.create(new InetSocketAddress("localhost", 0), 0));
    }

    public Browser newBrowser() throws Exception {
        Browser browser = new Browser();
        browsers.put(browser.path, browser);
        return browser;
    }

    @Override
    public void close() {
        server.stop(0);
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
    }
}
