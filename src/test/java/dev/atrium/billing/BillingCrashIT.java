package dev.atrium.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.model.Event;
import com.stripe.model.Refund;
import com.stripe.param.EventListParams;
import com.stripe.param.RefundListParams;
import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.LocalStripeControl;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The application killed (SIGKILL) while a refund is being asked of Stripe and while payment webhooks are being
 * applied: after the restart, and Stripe's deliveries again, every payment is recorded once and the refund exists once.
 * Runs among the first integration tests, like {@code CrashRecoveryIT}: a restart breaks Arquillian's JMX connection
 * if one was already made.
 */
@Order(2)
class BillingCrashIT {

    private static final Duration RECOVERY = Duration.ofSeconds(60);

    @Test
    void aCrashMidRefundAndMidWebhookChargesNothingTwiceAndLosesNothing() throws Exception {
        Tenant tenant = TestTenants.onboard("crash", "professional", "billing");
        String item = tenant.admin()
                .api()
                .post(
                        tenant.path("/billing/products"),
                        "{\"name\": \"Seat\", \"currency\": \"eur\", \"priceOnce\": 3000,"
                                + " \"entitlements\": [\"early-access-jobs\"]}")
                .json()
                .getString("id");
        Member refunded = TestTenants.invite(tenant, "client");
        LocalStripeControl.pay(checkout(tenant, refunded, item), "pm_card_visa");
        JsonObject purchase = Await.until("the first purchase paid", RECOVERY, () -> paid(tenant, refunded));
        String paymentIntent = LocalStripeControl.client()
                .checkout()
                .sessions()
                .list(com.stripe.param.checkout.SessionListParams.builder()
                        .setLimit(5L)
                        .build())
                .getData()
                .stream()
                .filter(session ->
                        purchase.getString("id").equals(session.getMetadata().get("atrium_purchase")))
                .findFirst()
                .orElseThrow()
                .getPaymentIntent();

        Member buyer = TestTenants.invite(tenant, "client");
        String session = checkout(tenant, buyer, item);
        LocalStripeControl.holdWebhooks();
        LocalStripeControl.pay(session, "pm_card_visa");
        String refundPath = tenant.path("/billing/purchases/" + purchase.getString("id") + "/refund");
        Api admin = tenant.admin().api();
        CompletableFuture<Api.Reply> refund = CompletableFuture.supplyAsync(() -> admin.post(refundPath, "{}"));
        LocalStripeControl.releaseWebhooks("created");

        TestSystem.crashAndRestartApplication();

        refund.handle((reply, failed) -> reply).join();
        Api.Reply again = admin.post(refundPath, "{}");
        assertTrue(again.status() == 202 || again.status() == 409, again::toString);
        for (Event event : LocalStripeControl.client()
                .events()
                .list(EventListParams.builder().setLimit(40L).build())
                .getData()) {
            LocalStripeControl.redeliver(event.getId());
        }

        List<Refund> refunds = LocalStripeControl.client()
                .refunds()
                .list(RefundListParams.builder().setPaymentIntent(paymentIntent).build())
                .getData();
        assertEquals(1, refunds.size(), "refunded once: " + refunds);
        String charge = LocalStripeControl.client()
                .paymentIntents()
                .retrieve(paymentIntent)
                .getLatestCharge();
        Await.until(
                "the refund applied: purchase " + purchase.getString("id") + ", charge " + charge + ", refunds "
                        + refunds.stream().map(Refund::getId).toList() + ", first refund request "
                        + refund.handle((reply, failed) -> reply == null ? String.valueOf(failed) : reply.toString())
                                .join()
                        + ", second " + again,
                RECOVERY,
                () -> {
                    JsonObject now = first(refunded.api().get(tenant.path("/billing/purchases")));
                    return "refunded".equals(now.getString("status")) ? Optional.of(now) : Optional.empty();
                });
        Await.until("the second purchase paid", RECOVERY, () -> paid(tenant, buyer));
        assertEquals(
                1,
                buyer.api()
                        .get(tenant.path("/billing/receipts"))
                        .json()
                        .getJsonNumber("total")
                        .longValue(),
                "one receipt");
        long lines =
                tenant.admin().api().get(tenant.path("/billing/ledger?size=100")).json().getJsonArray("lines").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(line -> line.getString("memberId", "").equals(buyer.id()))
                        .count();
        assertEquals(4, lines, "charge, provider fee, platform fee and tenant share, once each");
    }

    private static String checkout(Tenant tenant, Member member, String item) {
        Api.Reply reply = member.api().post(tenant.path("/billing/products/" + item + "/checkout"), "{}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    private static Optional<JsonObject> paid(Tenant tenant, Member member) {
        Api.Reply reply = member.api().get(tenant.path("/billing/purchases"));
        if (reply.status() != 200 || reply.json().getJsonArray("items").isEmpty()) {
            return Optional.empty();
        }
        JsonObject purchase = reply.json().getJsonArray("items").getJsonObject(0);
        return "paid".equals(purchase.getString("status")) ? Optional.of(purchase) : Optional.empty();
    }

    private static JsonObject first(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("items").getJsonObject(0);
    }
}
