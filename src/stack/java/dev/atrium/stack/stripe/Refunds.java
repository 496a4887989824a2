package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;

/**
 * Refunds of charges, whole or in part. A refund takes its amount out of the balance (Stripe keeps its processing
 * fee); on a destination charge {@code reverse_transfer} takes the same share of the transfer back from the connected
 * account and {@code refund_application_fee} gives the same share of the application fee back to it.
 */
final class Refunds {

    private static final ParameterSpec CREATE = ParameterSpec.of(
            "payment_intent",
            "charge",
            "amount",
            "reason",
            "metadata[*]",
            "reverse_transfer",
            "refund_application_fee");
    private static final ParameterSpec UPDATE = ParameterSpec.of("metadata[*]");

    private final Platform platform;
    private final Transfers transfers;
    private final ApplicationFees fees;

    Refunds(Platform platform, Transfers transfers, ApplicationFees fees) {
        this.platform = platform;
        this.transfers = transfers;
        this.fees = fees;
    }

    void register(Routes routes) {
        routes.post("/v1/refunds", call -> create(call.params()));
        routes.get("/v1/refunds", call -> list(call.params()));
        routes.get("/v1/refunds/{}", call -> retrieve(call));
        routes.post("/v1/refunds/{}", call -> update(call.id(), call.params()));
    }

    private JsonObject retrieve(Call call) {
        call.params().allowOnly(ParameterSpec.of());
        return platform.store().get("refund", call.id(), "refund");
    }

    private JsonObject list(Parameters params) {
        params.allowOnly(ParameterSpec.list("charge", "payment_intent", "created", "created[*]"));
        return Listing.page("/v1/refunds", platform.store().newestFirst("refund"), params, "charge", "payment_intent");
    }

    private JsonObject update(String id, Parameters params) {
        params.allowOnly(UPDATE);
        JsonObject refund = platform.store().get("refund", id, "refund");
        JsonObject before = refund.deepCopy();
        params.applyMetadata(refund.getAsJsonObject("metadata"));
        platform.events().emit("refund.updated", refund, Events.changes(before, refund));
        return refund;
    }

    private JsonObject create(Parameters params) {
        params.allowOnly(CREATE);
        JsonObject charge = chargeToRefund(params);
        String currency = Json.string(charge, "currency");
        long left = Json.amount(charge, "amount") - Json.amount(charge, "amount_refunded");
        if (left == 0) {
            throw ApiError.invalid(
                    "charge_already_refunded",
                    null,
                    "Charge " + Json.string(charge, "id") + " has already been refunded.");
        }
        Long asked = params.amount("amount");
        long amount = asked == null ? left : asked;
        if (amount > left) {
            throw ApiError.invalid(
                    "amount_too_large",
                    "amount",
                    "Refund amount (" + Money.inMessage(amount, currency) + ") is greater than unrefunded amount on"
                            + " charge (" + Money.inMessage(left, currency) + ")");
        }
        if (amount == 0) {
            throw ApiError.invalidValue(null, "amount", "Refund amount must be greater than zero.");
        }
        boolean reverseTransfer = Boolean.TRUE.equals(params.bool("reverse_transfer"));
        if (reverseTransfer && Json.string(charge, "transfer") == null) {
            throw ApiError.invalid(
                    null, "reverse_transfer", "reverse_transfer can only be used with destination charges.");
        }
        JsonObject refund = refund(charge, amount, params);
        refundConnected(charge, refund, reverseTransfer, Boolean.TRUE.equals(params.bool("refund_application_fee")));
        return refund;
    }

    private JsonObject chargeToRefund(Parameters params) {
        String intentId = params.string("payment_intent");
        String chargeId = params.string("charge");
        if (intentId == null && chargeId == null) {
            throw ApiError.invalid(
                    "parameter_missing",
                    null,
                    "One of the following params should be provided for this request: payment_intent or charge.");
        }
        if (chargeId == null) {
            JsonObject intent = platform.store().get("payment_intent", intentId, "payment_intent", "payment_intent");
            chargeId = Json.string(intent, "latest_charge");
            if (chargeId == null || !"succeeded".equals(Json.string(intent, "status"))) {
                throw ApiError.invalid(
                        null, "payment_intent", "This PaymentIntent does not have a successful charge to refund.");
            }
        }
        JsonObject charge = platform.store().get("charge", chargeId, "charge", "charge");
        if (!"succeeded".equals(Json.string(charge, "status"))) {
            throw ApiError.invalid(null, "charge", "Charge " + chargeId + " has not succeeded; it cannot be refunded.");
        }
        refuseDisputed(charge);
        return charge;
    }

    private void refuseDisputed(JsonObject charge) {
        for (JsonObject dispute : platform.store().all("dispute")) {
            boolean ofCharge = Json.string(charge, "id").equals(Json.string(dispute, "charge"));
            if (ofCharge && !"won".equals(Json.string(dispute, "status"))) {
                throw ApiError.invalid(
                        "charge_disputed",
                        null,
                        "Charge " + Json.string(charge, "id") + " has been charged back; cannot issue a refund.");
            }
        }
    }

    private JsonObject refund(JsonObject charge, long amount, Parameters params) {
        String currency = Json.string(charge, "currency");
        JsonObject refund = platform.create("refund", "re");
        String id = Json.string(refund, "id");
        refund.addProperty("amount", amount);
        refund.addProperty("charge", Json.string(charge, "id"));
        refund.addProperty("currency", currency);
        refund.add("metadata", params.metadata());
        refund.add("payment_intent", charge.get("payment_intent").deepCopy());
        Json.put(refund, "reason", params.choice("reason", "duplicate", "fraudulent", "requested_by_customer"));
        refund.addProperty("status", "succeeded");
        JsonObject transaction =
                platform.ledger().record(Ledger.Movement.of("refund", "refund", -amount, currency, id));
        refund.addProperty("balance_transaction", Json.string(transaction, "id"));
        JsonObject before = charge.deepCopy();
        long refunded = Json.amount(charge, "amount_refunded") + amount;
        charge.addProperty("amount_refunded", refunded);
        charge.addProperty("refunded", refunded == Json.amount(charge, "amount"));
        Json.prepend(charge.getAsJsonObject("refunds"), refund);
        platform.events().emit("refund.created", refund);
        platform.events().emit("charge.refunded", charge, Events.changes(before, charge));
        return refund;
    }

    private void refundConnected(JsonObject charge, JsonObject refund, boolean reverseTransfer, boolean refundFee) {
        long amount = Json.amount(refund, "amount");
        long chargeAmount = Json.amount(charge, "amount");
        if (reverseTransfer) {
            JsonObject transfer = platform.store().find("transfer", Json.string(charge, "transfer"));
            long share = Math.min(
                    Money.proportion(Json.amount(transfer, "amount"), amount, chargeAmount),
                    Json.amount(transfer, "amount") - Json.amount(transfer, "amount_reversed"));
            JsonObject reversal = transfers.reverse(transfer, share, Json.string(refund, "id"));
            refund.addProperty("transfer_reversal", Json.string(reversal, "id"));
        }
        JsonObject fee = platform.store().find("application_fee", Json.string(charge, "application_fee"));
        if (refundFee && fee != null) {
            long share = Math.min(
                    Money.proportion(Json.amount(fee, "amount"), amount, chargeAmount),
                    Json.amount(fee, "amount") - Json.amount(fee, "amount_refunded"));
            if (share > 0) {
                fees.refund(fee, share);
            }
        }
    }
}
