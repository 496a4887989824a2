package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's application fees on destination charges, and their refunds. As on Stripe, a fee's {@code charge} is
 * the payment on the connected account ({@code py_…}) and its {@code originating_transaction} the platform's charge.
 */
final class ApplicationFees {

    private final Platform platform;

    ApplicationFees(Platform platform) {
        this.platform = platform;
    }

    void register(Routes routes) {
        routes.get("/v1/application_fees", call -> list(call.params()));
        routes.get("/v1/application_fees/{}", call -> retrieve(call));
        routes.get("/v1/application_fees/{}/refunds", call -> refunds(call.id(), call.params()));
    }

    private JsonObject retrieve(Call call) {
        call.params().allowOnly(ParameterSpec.of());
        return platform.store().get("application_fee", call.id(), "application fee");
    }

    private JsonObject list(Parameters params) {
        params.allowOnly(ParameterSpec.list("charge", "created", "created[*]"));
        return Listing.page("/v1/application_fees", platform.store().newestFirst("application_fee"), params, "charge");
    }

    /** Takes the fee of a destination charge back from the connected account (the caller announces it). */
    JsonObject collect(JsonObject charge, JsonObject transfer, long amount) {
        JsonObject fee = platform.create("application_fee", "fee");
        String id = Json.string(fee, "id");
        String currency = Json.string(charge, "currency");
        String payment = Json.string(transfer, "destination_payment");
        fee.addProperty("account", Json.string(transfer, "destination"));
        fee.addProperty("amount", amount);
        fee.addProperty("charge", payment);
        fee.addProperty("currency", currency);
        JsonObject source = new JsonObject();
        source.addProperty("charge", payment);
        source.addProperty("type", "charge");
        fee.add("fee_source", source);
        fee.addProperty("originating_transaction", Json.string(charge, "id"));
        fee.add("refunds", Json.list("/v1/application_fees/" + id + "/refunds", List.of(), false));
        JsonObject transaction = platform.ledger()
                .record(Ledger.Movement.of("application_fee", "platform_earning", amount, currency, id));
        fee.addProperty("balance_transaction", Json.string(transaction, "id"));
        return fee;
    }

    /** Gives part of a fee back to the connected account, with {@code application_fee.refunded}. */
    JsonObject refund(JsonObject fee, long amount) {
        String currency = Json.string(fee, "currency");
        JsonObject refund = platform.create("fee_refund", "fr");
        String id = Json.string(refund, "id");
        refund.addProperty("amount", amount);
        refund.addProperty("currency", currency);
        refund.addProperty("fee", Json.string(fee, "id"));
        refund.add("metadata", new JsonObject());
        JsonObject transaction = platform.ledger()
                .record(Ledger.Movement.of("application_fee_refund", "platform_earning_refund", -amount, currency, id));
        refund.addProperty("balance_transaction", Json.string(transaction, "id"));
        long refunded = Json.amount(fee, "amount_refunded") + amount;
        fee.addProperty("amount_refunded", refunded);
        fee.addProperty("refunded", refunded == Json.amount(fee, "amount"));
        Json.prepend(fee.getAsJsonObject("refunds"), refund);
        platform.events().emit("application_fee.refunded", fee);
        return refund;
    }

    private JsonObject refunds(String id, Parameters params) {
        params.allowOnly(ParameterSpec.list());
        platform.store().get("application_fee", id, "application fee");
        List<JsonObject> refunds = new ArrayList<>();
        for (JsonObject refund : platform.store().newestFirst("fee_refund")) {
            if (id.equals(Json.string(refund, "fee"))) {
                refunds.add(refund);
            }
        }
        return Listing.page("/v1/application_fees/" + id + "/refunds", refunds, params);
    }
}
