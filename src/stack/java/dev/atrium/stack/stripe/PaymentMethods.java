package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;
import java.time.ZoneOffset;

/**
 * Payment methods. A test token such as {@code pm_card_visa} becomes a new {@code pm_…} payment method each time it
 * is used, as in Stripe's test mode; a stored payment method can be used again (a customer's card on file).
 */
final class PaymentMethods {

    private final Platform platform;

    PaymentMethods(Platform platform) {
        this.platform = platform;
    }

    void register(Routes routes) {
        routes.get("/v1/payment_methods/{}", call -> {
            call.params().allowOnly(ParameterSpec.of());
            return platform.store().get("payment_method", call.id(), "PaymentMethod");
        });
    }

    /**
     * The payment method a parameter names: a new one from a test token, or a stored one; attached to the customer if
     * one is given and it is not attached yet.
     */
    JsonObject resolve(String value, String param, String customer) {
        TestCard card = TestCard.byPaymentMethod(value);
        JsonObject method = card != null ? create(card) : platform.store().find("payment_method", value);
        if (method == null) {
            throw ApiError.noSuch("PaymentMethod", value, param);
        }
        if (customer != null && Json.string(method, "customer") == null) {
            method.addProperty("customer", customer);
        }
        return method;
    }

    /** The test card a payment method was made from. */
    static TestCard cardOf(JsonObject method) {
        JsonObject card = method.getAsJsonObject("card");
        TestCard testCard = TestCard.byFingerprint(Json.string(card, "fingerprint"));
        return testCard != null ? testCard : TestCard.VISA;
    }

    private JsonObject create(TestCard card) {
        JsonObject method = platform.create("payment_method", "pm");
        method.add("customer", com.google.gson.JsonNull.INSTANCE);
        JsonObject details = method.getAsJsonObject("card");
        details.addProperty("brand", card.brand());
        details.addProperty("display_brand", card.brand());
        details.addProperty("exp_month", 12);
        details.addProperty(
                "exp_year",
                java.time.Instant.ofEpochSecond(platform.now())
                                .atZone(ZoneOffset.UTC)
                                .getYear()
                        + 3);
        details.addProperty("fingerprint", card.fingerprint());
        details.addProperty("last4", card.last4());
        return method;
    }
}
