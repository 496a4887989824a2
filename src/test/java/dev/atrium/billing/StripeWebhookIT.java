package dev.atrium.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.TestSystem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The one endpoint Stripe sends events to: only a delivery signed with one of the endpoints' secrets, over the exact
 * body, within five minutes, is accepted; anything else is a 400 problem and changes nothing.
 */
class StripeWebhookIT {

    private static final String PATH = "/api/v1/billing/stripe/webhook";

    private static String event(String id) {
        return "{\"id\": \"" + id + "\", \"object\": \"event\", \"api_version\": \"2026-07-29.dahlia\","
                + " \"created\": " + Instant.now().getEpochSecond() + ", \"livemode\": false, \"pending_webhooks\": 1,"
                + " \"type\": \"customer.updated\", \"data\": {\"object\": {\"id\": \"cus_nobody\","
                + " \"object\": \"customer\"}}}";
    }

    @Test
    void aDeliverySignedWithEitherEndpointsSecretIsAccepted() throws Exception {
        for (String secret : new String[] {
            TestSystem.profile().stripeWebhookSecret(), TestSystem.profile().stripeConnectWebhookSecret()
        }) {
            String body = event("evt_" + System.nanoTime());
            Api.Reply reply = deliver(body, signature(secret, Instant.now().getEpochSecond(), body));
            assertEquals(200, reply.status(), reply::toString);
            assertTrue(reply.json().getBoolean("received"));
        }
    }

    @Test
    void forgedUnsignedStaleAndAlteredDeliveriesAreRefused() throws Exception {
        String body = event("evt_forged");
        long now = Instant.now().getEpochSecond();
        String secret = TestSystem.profile().stripeWebhookSecret();

        assertRefused(deliver(body, null));
        assertRefused(deliver(body, signature("whsec_not_ours", now, body)));
        assertRefused(deliver(body, signature(secret, now - 600, body)));
        assertRefused(deliver(body.replace("cus_nobody", "cus_other"), signature(secret, now, body)));
        assertRefused(deliver(body, "t=" + now + ",v1=00"));
        assertRefused(deliver("not json", signature(secret, now, "not json")));
    }

    private static void assertRefused(Api.Reply reply) {
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
    }

    private static Api.Reply deliver(String body, String signature) {
        Api api = Api.anonymous();
        if (signature != null) {
            api = api.withHeader("Stripe-Signature", signature);
        }
        return api.send("POST", PATH, "application/json; charset=utf-8", body);
    }

    /** Stripe's scheme: {@code t=<time>,v1=<hex HMAC-SHA256 of "<time>.<body>">}. */
    private static String signature(String secret, long time, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal((time + "." + body).getBytes(StandardCharsets.UTF_8));
        return "t=" + time + ",v1=" + HexFormat.of().formatHex(digest);
    }
}
