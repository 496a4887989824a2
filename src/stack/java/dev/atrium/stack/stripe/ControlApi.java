package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;

/**
 * The control API under {@code /local}: what the buyer, the card network, the bank and the passing of time do on
 * real Stripe, as form-encoded POSTs that answer the affected object. Needs the secret key, except the health check.
 */
final class ControlApi {

    static final String HEALTH = "/local/health";

    private static final String[] DISPUTE_REASONS = {
        "bank_cannot_process", "check_returned", "credit_not_processed", "customer_initiated", "debit_not_authorized",
        "duplicate", "fraudulent", "general", "incorrect_account_details", "insufficient_funds",
        "product_not_received", "product_unacceptable", "subscription_canceled", "unrecognized"
    };

    private final Platform platform;
    private final Checkout checkout;
    private final Subscriptions subscriptions;
    private final Invoices invoices;
    private final Customers customers;
    private final Disputes disputes;
    private final ConnectedAccounts accounts;
    private final Deliveries deliveries;

    ControlApi(
            Platform platform,
            Checkout checkout,
            Subscriptions subscriptions,
            Invoices invoices,
            Customers customers,
            Disputes disputes,
            ConnectedAccounts accounts,
            Deliveries deliveries) {
        this.platform = platform;
        this.checkout = checkout;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.customers = customers;
        this.disputes = disputes;
        this.accounts = accounts;
        this.deliveries = deliveries;
    }

    void register(Routes routes) {
        routes.get(HEALTH, call -> status("ok"));
        routes.post("/local/checkout/sessions/{}/pay", call -> payCheckout(call));
        routes.post("/local/subscriptions/{}/renew", call -> renew(call));
        routes.post("/local/invoices/{}/retry", call -> retry(call));
        routes.post("/local/customers/{}/payment_method", call -> cardOnFile(call));
        routes.post("/local/charges/{}/dispute", call -> dispute(call));
        routes.post("/local/disputes/{}/resolve", call -> resolve(call));
        routes.post("/local/accounts/{}/onboard", call -> onboard(call));
        routes.post("/local/accounts/{}/requirements", call -> requirements(call));
        routes.post("/local/webhooks/hold", call -> hold(call));
        routes.post("/local/webhooks/release", call -> release(call));
        routes.post("/local/events/{}/redeliver", call -> redeliver(call));
    }

    private static JsonObject status(String status) {
        JsonObject answer = new JsonObject();
        answer.addProperty("status", status);
        return answer;
    }

    JsonObject payCheckout(Call call) {
        Parameters params = call.params().allowOnly(ParameterSpec.of("payment_method", "email", "name"));
        String method = params.string("payment_method") == null ? "pm_card_visa" : params.string("payment_method");
        return checkout.pay(call.id(), method, new Checkout.Buyer(params.string("email"), params.string("name")));
    }

    JsonObject renew(Call call) {
        Parameters params = call.params().allowOnly(ParameterSpec.of("payment_method"));
        return subscriptions.renew(call.id(), params.string("payment_method"));
    }

    /** Another automatic attempt at an open invoice; a decline is an outcome here, not an error. */
    JsonObject retry(Call call) {
        Parameters params = call.params().allowOnly(ParameterSpec.of("payment_method"));
        subscriptions.collect(call.id(), params.string("payment_method"));
        return invoices.get(call.id());
    }

    JsonObject cardOnFile(Call call) {
        Parameters params = call.params().allowOnly(ParameterSpec.of("payment_method"));
        return customers.changeCardOnFile(call.id(), params.require("payment_method"));
    }

    JsonObject dispute(Call call) {
        Parameters params = call.params().allowOnly(ParameterSpec.of("reason"));
        return disputes.open(call.id(), params.choice("reason", DISPUTE_REASONS));
    }

    JsonObject resolve(Call call) {
        Parameters params = call.params().allowOnly(ParameterSpec.of("outcome"));
        String outcome = params.choice("outcome", "won", "lost");
        if (outcome == null) {
            throw ApiError.missing("outcome");
        }
        return disputes.resolve(call.id(), outcome.equals("won"));
    }

    JsonObject onboard(Call call) {
        call.params().allowOnly(ParameterSpec.of());
        return accounts.onboard(call.id());
    }

    JsonObject requirements(Call call) {
        Parameters params = call.params().allowOnly(ParameterSpec.of("currently_due[]"));
        return accounts.requireInformation(call.id(), params.strings("currently_due"));
    }

    JsonObject hold(Call call) {
        call.params().allowOnly(ParameterSpec.of());
        deliveries.hold();
        return deliveryState(true, 0);
    }

    JsonObject release(Call call) {
        Parameters params = call.params().allowOnly(ParameterSpec.of("order"));
        String order = params.choice("order", "created", "reversed");
        int released = deliveries.release("reversed".equals(order));
        return deliveryState(false, released);
    }

    private JsonObject deliveryState(boolean holding, int released) {
        JsonObject answer = new JsonObject();
        answer.addProperty("object", "local.webhook_deliveries");
        answer.addProperty("holding", holding);
        answer.addProperty("held", deliveries.heldCount());
        answer.addProperty("released", released);
        return answer;
    }

    JsonObject redeliver(Call call) {
        call.params().allowOnly(ParameterSpec.of());
        JsonObject event = platform.store().get("event", call.id(), "event");
        platform.events().redeliver(event);
        return event;
    }
}
