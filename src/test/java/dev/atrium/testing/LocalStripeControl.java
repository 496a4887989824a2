package dev.atrium.testing;

import com.stripe.StripeClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The test system's local Stripe, driven as a buyer and as Stripe's test helpers would: paying a Checkout session with
 * a test card, renewing a subscription now, retrying an invoice, opening a dispute, holding and releasing webhook
 * deliveries (its {@code /local} control API, the same one docs/local-stripe.md shows with curl). {@link #client()}
 * reads Stripe's objects through stripe-java, as the application does.
 */
public final class LocalStripeControl {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalStripeControl() {}

    /** An answer of the control API: its status and the Stripe object (or error) it returned. */
    public record Answer(int status, JsonObject body) {}

    public static StripeClient client() {
        return StripeClient.builder()
                .setApiKey(TestSystem.profile().stripeSecretKey())
                .setApiBase(TestSystem.profile().stripeUrl())
                .setConnectBase(TestSystem.profile().stripeUrl())
                .build();
    }

    /** Pays a Checkout session as its buyer would, with a test payment method ({@code pm_card_visa}, ...). */
    public static Answer pay(String checkoutSessionId, String paymentMethod) {
        return post("/local/checkout/sessions/" + checkoutSessionId + "/pay", "payment_method", paymentMethod);
    }

    /** Ends the subscription's period now and bills the next one with the customer's card on file. */
    public static Answer renew(String subscriptionId) {
        return post("/local/subscriptions/" + subscriptionId + "/renew");
    }

    /** The card that renewals of the customer are charged to from now on. */
    public static Answer cardOnFile(String customerId, String paymentMethod) {
        return post("/local/customers/" + customerId + "/payment_method", "payment_method", paymentMethod);
    }

    /** Another attempt to collect an open invoice. */
    public static Answer retry(String invoiceId, String paymentMethod) {
        return post("/local/invoices/" + invoiceId + "/retry", "payment_method", paymentMethod);
    }

    public static Answer dispute(String chargeId) {
        return post("/local/charges/" + chargeId + "/dispute");
    }

    public static Answer resolveDispute(String disputeId, String outcome) {
        return post("/local/disputes/" + disputeId + "/resolve", "outcome", outcome);
    }

    public static Answer onboard(String accountId) {
        return post("/local/accounts/" + accountId + "/onboard");
    }

    /** Keeps webhook deliveries back until {@link #releaseWebhooks}. */
    public static Answer holdWebhooks() {
        return post("/local/webhooks/hold");
    }

    /** Sends the held deliveries, in the order the events happened ({@code created}) or in reverse. */
    public static Answer releaseWebhooks(String order) {
        return post("/local/webhooks/release", "order", order);
    }

    public static Answer redeliver(String eventId) {
        return post("/local/events/" + eventId + "/redeliver");
    }

    private static Answer post(String path, String... form) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < form.length; i += 2) {
            pairs.add(URLEncoder.encode(form[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(TestSystem.profile().stripeUrl() + path))
                .header("Authorization", "Bearer " + TestSystem.profile().stripeSecretKey())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)))
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonObject body = response.body().isBlank()
                    ? Json.createObjectBuilder().build()
                    : Json.createReader(new StringReader(response.body())).readObject();
            return new Answer(response.statusCode(), body);
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
