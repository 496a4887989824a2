package dev.atrium.stack.stripe;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * Payment intents and the charges that confirming them makes with a test card. A successful charge adds its amount
 * less Stripe's processing fee to the balance; a destination charge also transfers the amount to the connected account
 * and takes the application fee back. A declined charge leaves the payment intent waiting for another payment method,
 * as on Stripe. A charge with {@code pm_card_createDispute} is disputed right after the operation that made it.
 */
final class Payments {

    private static final ParameterSpec CREATE = ParameterSpec.of(
            "amount",
            "currency",
            "customer",
            "payment_method",
            "confirm",
            "off_session",
            "metadata[*]",
            "transfer_group",
            "description",
            "receipt_email",
            "application_fee_amount",
            "transfer_data[destination]",
            "payment_method_types[]",
            "automatic_payment_methods[enabled]",
            "automatic_payment_methods[allow_redirects]");
    private static final ParameterSpec CONFIRM = ParameterSpec.of("payment_method", "off_session");

    /** What is to be paid, and where the money goes on a destination charge. */
    record Order(
            long amount,
            String currency,
            String customer,
            String description,
            JsonObject metadata,
            String transferGroup,
            String destination,
            Long applicationFeeAmount) {}

    /** The intent after an attempt to pay it, the charge it made, and the decline if the card was declined. */
    record Outcome(JsonObject intent, JsonObject charge, ApiError decline) {
        boolean paid() {
            return decline == null;
        }
    }

    private final Platform platform;
    private final PaymentMethods paymentMethods;
    private final Transfers transfers;
    private final ApplicationFees fees;
    private final Disputes disputes;

    Payments(
            Platform platform,
            PaymentMethods paymentMethods,
            Transfers transfers,
            ApplicationFees fees,
            Disputes disputes) {
        this.platform = platform;
        this.paymentMethods = paymentMethods;
        this.transfers = transfers;
        this.fees = fees;
        this.disputes = disputes;
    }

    void register(Routes routes) {
        routes.post("/v1/payment_intents", call -> create(call.params()));
        routes.get("/v1/payment_intents", call -> listIntents(call.params()));
        routes.get("/v1/payment_intents/{}", call -> retrieve("payment_intent", "payment_intent", call));
        routes.post("/v1/payment_intents/{}/confirm", call -> confirm(call.id(), call.params()));
        routes.get("/v1/charges", call -> listCharges(call.params()));
        routes.get("/v1/charges/{}", call -> retrieve("charge", "charge", call));
    }

    private JsonObject retrieve(String type, String label, Call call) {
        call.params().allowOnly(ParameterSpec.of("client_secret"));
        return platform.store().get(type, call.id(), label);
    }

    private JsonObject listIntents(Parameters params) {
        params.allowOnly(ParameterSpec.list("customer", "created", "created[*]"));
        return Listing.page("/v1/payment_intents", platform.store().newestFirst("payment_intent"), params, "customer");
    }

    private JsonObject listCharges(Parameters params) {
        params.allowOnly(ParameterSpec.list("customer", "payment_intent", "transfer_group", "created", "created[*]"));
        return Listing.page(
                "/v1/charges",
                platform.store().newestFirst("charge"),
                params,
                "customer",
                "payment_intent",
                "transfer_group");
    }

    private JsonObject create(Parameters params) {
        params.allowOnly(CREATE);
        for (String type : params.strings("payment_method_types")) {
            if (!type.equals("card")) {
                throw ApiError.invalidValue(
                        null, "payment_method_types", "The local Stripe takes cards only, not " + type + ".");
            }
        }
        Order order = order(params);
        String method = params.string("payment_method");
        boolean confirm = Boolean.TRUE.equals(params.bool("confirm"));
        if (confirm && method == null) {
            throw ApiError.missing("payment_method");
        }
        JsonObject intent = createIntent(order);
        Json.put(intent, "receipt_email", params.string("receipt_email"));
        if (!confirm) {
            if (method != null) {
                intent.addProperty("payment_method", Json.string(resolve(method, order.customer()), "id"));
                intent.addProperty("status", "requires_confirmation");
            }
            return intent;
        }
        return paidOrDeclined(pay(intent, resolve(method, order.customer())));
    }

    private JsonObject resolve(String method, String customer) {
        return paymentMethods.resolve(method, "payment_method", customer);
    }

    private Order order(Parameters params) {
        long amount = params.amount("amount") == null ? missing("amount") : params.amount("amount");
        if (amount < 50) {
            throw ApiError.invalid(
                    "amount_too_small",
                    "amount",
                    "Amount must be at least 50 cents (or the equivalent in your currency).");
        }
        String currency = params.currency("currency");
        if (currency == null) {
            throw ApiError.missing("currency");
        }
        String customer = params.string("customer");
        if (customer != null) {
            platform.store().get("customer", customer, "customer", "customer");
        }
        String destination = params.object("transfer_data").string("destination");
        Long fee = params.amount("application_fee_amount");
        requireDestination(destination, fee, amount, "transfer_data[destination]");
        return new Order(
                amount,
                currency,
                customer,
                params.string("description"),
                params.metadata(),
                params.string("transfer_group"),
                destination,
                fee);
    }

    private static long missing(String param) {
        throw ApiError.missing(param);
    }

    /** Checks a destination charge's account and fee before anything is made. */
    void requireDestination(String destination, Long fee, long amount, String param) {
        if (destination != null) {
            transfers.requireDestination(destination, param);
        }
        if (fee != null && destination == null) {
            throw ApiError.invalid(
                    null,
                    "application_fee_amount",
                    "Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment"
                            + " (using an OAuth key or Stripe-Account header) or destination payment (using"
                            + " `transfer_data[destination]`).");
        }
        if (fee != null && fee > amount) {
            throw ApiError.invalid(
                    null, "application_fee_amount", "The application fee cannot be greater than the amount.");
        }
    }

    private JsonObject confirm(String id, Parameters params) {
        params.allowOnly(CONFIRM);
        JsonObject intent = platform.store().get("payment_intent", id, "payment_intent");
        String status = Json.string(intent, "status");
        if (!status.equals("requires_payment_method") && !status.equals("requires_confirmation")) {
            throw ApiError.invalid(
                    "payment_intent_unexpected_state",
                    null,
                    "You cannot confirm this PaymentIntent because it has a status of " + status + ".");
        }
        String method = params.string("payment_method") != null
                ? params.string("payment_method")
                : Json.string(intent, "payment_method");
        if (method == null) {
            throw ApiError.missing("payment_method");
        }
        return paidOrDeclined(pay(intent, resolve(method, Json.string(intent, "customer"))));
    }

    /** The API's answer to a confirmation: the intent, or a 402 card error that carries it. */
    private static JsonObject paidOrDeclined(Outcome outcome) {
        if (!outcome.paid()) {
            throw outcome.decline();
        }
        return outcome.intent();
    }

    /** A new payment intent waiting for a payment method, with {@code payment_intent.created}. */
    JsonObject createIntent(Order order) {
        JsonObject intent = platform.create("payment_intent", "pi");
        String id = Json.string(intent, "id");
        intent.addProperty("amount", order.amount());
        intent.addProperty("amount_received", 0);
        Json.put(intent, "application_fee_amount", order.applicationFeeAmount());
        intent.addProperty("client_secret", id + "_secret_" + Ids.random(24));
        intent.addProperty("currency", order.currency());
        Json.put(intent, "customer", order.customer());
        Json.put(intent, "description", order.description());
        intent.add("latest_charge", JsonNull.INSTANCE);
        intent.add("metadata", order.metadata());
        intent.add("payment_method", JsonNull.INSTANCE);
        intent.add("payment_method_options", new JsonObject());
        intent.add("receipt_email", JsonNull.INSTANCE);
        intent.addProperty("status", "requires_payment_method");
        if (order.destination() != null) {
            JsonObject transferData = new JsonObject();
            transferData.addProperty("destination", order.destination());
            intent.add("transfer_data", transferData);
        }
        Json.put(intent, "transfer_group", order.transferGroup());
        platform.events().emit("payment_intent.created", intent);
        return intent;
    }

    /** Charges the intent with the payment method: the charge, the money movements and their events. */
    Outcome pay(JsonObject intent, JsonObject paymentMethod) {
        JsonObject destination = Json.object(intent, "transfer_data");
        if (destination != null) {
            transfers.requireDestination(Json.string(destination, "destination"), "transfer_data[destination]");
        }
        TestCard card = PaymentMethods.cardOf(paymentMethod);
        intent.addProperty("payment_method", Json.string(paymentMethod, "id"));
        JsonObject charge = charge(intent, paymentMethod, card);
        intent.addProperty("latest_charge", Json.string(charge, "id"));
        if (card.declines()) {
            return decline(intent, charge, card, paymentMethod);
        }
        settle(intent, charge);
        intent.addProperty("amount_received", Json.amount(intent, "amount"));
        intent.add("last_payment_error", JsonNull.INSTANCE);
        intent.addProperty("status", "succeeded");
        platform.events().emit("payment_intent.succeeded", intent);
        if (card.disputes()) {
            String chargeId = Json.string(charge, "id");
            platform.afterwards(() -> disputes.open(chargeId, "fraudulent"));
        }
        return new Outcome(intent, charge, null);
    }

    private Outcome decline(JsonObject intent, JsonObject charge, TestCard card, JsonObject paymentMethod) {
        charge.addProperty("status", "failed");
        charge.addProperty("failure_code", "card_declined");
        charge.addProperty("failure_message", card.declineMessage());
        charge.add("outcome", outcome(card));
        platform.events().emit("charge.failed", charge);
        ApiError decline = ApiError.cardDeclined(card, Json.string(charge, "id"));
        intent.add("last_payment_error", decline.asPaymentError(paymentMethod.deepCopy()));
        intent.add("payment_method", JsonNull.INSTANCE);
        intent.addProperty("status", "requires_payment_method");
        platform.events().emit("payment_intent.payment_failed", intent);
        decline.with("payment_intent", intent.deepCopy()).with("payment_method", paymentMethod.deepCopy());
        return new Outcome(intent, charge, decline);
    }

    private JsonObject charge(JsonObject intent, JsonObject paymentMethod, TestCard card) {
        JsonObject charge = platform.create("charge", "ch");
        String id = Json.string(charge, "id");
        long amount = Json.amount(intent, "amount");
        charge.addProperty("amount", amount);
        charge.addProperty("currency", Json.string(intent, "currency"));
        charge.add("customer", intent.get("customer").deepCopy());
        charge.add("description", intent.get("description").deepCopy());
        charge.add("metadata", intent.getAsJsonObject("metadata").deepCopy());
        charge.addProperty("payment_intent", Json.string(intent, "id"));
        charge.addProperty("payment_method", Json.string(paymentMethod, "id"));
        charge.add(
                "billing_details",
                paymentMethod.getAsJsonObject("billing_details").deepCopy());
        charge.add("payment_method_details", cardDetails(charge, paymentMethod, amount));
        charge.add("receipt_email", intent.get("receipt_email").deepCopy());
        charge.add("transfer_group", intent.get("transfer_group").deepCopy());
        charge.add("refunds", Json.list("/v1/charges/" + id + "/refunds", java.util.List.of(), false));
        charge.addProperty("paid", false);
        return charge;
    }

    private JsonObject cardDetails(JsonObject charge, JsonObject paymentMethod, long amount) {
        JsonObject details = charge.getAsJsonObject("payment_method_details").deepCopy();
        JsonObject card = details.getAsJsonObject("card");
        JsonObject method = paymentMethod.getAsJsonObject("card");
        for (String field : new String[] {"brand", "exp_month", "exp_year", "fingerprint", "last4", "country"}) {
            card.add(field, method.get(field).deepCopy());
        }
        card.addProperty("amount_authorized", amount);
        card.addProperty("authorization_code", Ids.random(6).toUpperCase(java.util.Locale.ROOT));
        card.addProperty("network", "visa");
        card.getAsJsonObject("overcapture").addProperty("maximum_amount_capturable", amount);
        details.addProperty("type", "card");
        return details;
    }

    private static JsonObject outcome(TestCard card) {
        JsonObject outcome = new JsonObject();
        outcome.add("advice_code", JsonNull.INSTANCE);
        outcome.add("network_advice_code", JsonNull.INSTANCE);
        outcome.add("network_decline_code", JsonNull.INSTANCE);
        outcome.addProperty("network_status", card.declines() ? "declined_by_network" : "approved_by_network");
        Json.put(outcome, "reason", card.declineCode());
        outcome.addProperty("risk_level", "normal");
        outcome.addProperty("risk_score", 20);
        outcome.addProperty(
                "seller_message",
                card.declines()
                        ? "The bank did not return any further details with this decline."
                        : "Payment complete.");
        outcome.addProperty("type", card.declines() ? "issuer_declined" : "authorized");
        return outcome;
    }

    /** The money of a successful charge: into the balance, and on to the destination with the fee back. */
    private void settle(JsonObject intent, JsonObject charge) {
        long amount = Json.amount(charge, "amount");
        String currency = Json.string(charge, "currency");
        String id = Json.string(charge, "id");
        charge.addProperty("status", "succeeded");
        charge.addProperty("paid", true);
        charge.addProperty("captured", true);
        charge.addProperty("amount_captured", amount);
        charge.add("outcome", outcome(TestCard.VISA));
        JsonObject transaction = platform.ledger()
                .record(Ledger.Movement.of("charge", "charge", amount, currency, id)
                        .withFee(Money.processingFee(amount), "Stripe processing fees")
                        .describedAs(Json.string(charge, "description")));
        charge.addProperty("balance_transaction", Json.string(transaction, "id"));
        JsonObject transferData = Json.object(intent, "transfer_data");
        if (transferData == null) {
            platform.events().emit("charge.succeeded", charge);
            return;
        }
        payDestination(intent, charge, Json.string(transferData, "destination"));
    }

    /** A destination charge's transfer and fee, announced after the charge they belong to. */
    private void payDestination(JsonObject intent, JsonObject charge, String destination) {
        JsonObject transfer = transfers.forDestinationCharge(charge, destination);
        charge.addProperty("transfer", Json.string(transfer, "id"));
        JsonObject transferData = new JsonObject();
        transferData.add("amount", JsonNull.INSTANCE);
        transferData.addProperty("destination", destination);
        charge.add("transfer_data", transferData);
        Long feeAmount = Json.number(intent, "application_fee_amount");
        JsonObject fee = null;
        if (feeAmount != null && feeAmount > 0) {
            fee = fees.collect(charge, transfer, feeAmount);
            charge.addProperty("application_fee", Json.string(fee, "id"));
            charge.addProperty("application_fee_amount", feeAmount);
        }
        platform.events().emit("charge.succeeded", charge);
        platform.events().emit("transfer.created", transfer);
        if (fee != null) {
            platform.events().emit("application_fee.created", fee);
        }
    }
}
