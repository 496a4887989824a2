package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Transfers from the platform's balance to connected accounts, and their reversals. A transfer needs an account whose
 * {@code transfers} capability is active, and either enough available balance in its currency or a
 * {@code source_transaction}: a charge of which enough is left (its amount less refunds and earlier transfers from
 * it).
 */
final class Transfers {

    private static final ParameterSpec CREATE = ParameterSpec.of(
            "amount", "currency", "destination", "transfer_group", "source_transaction", "metadata[*]", "description");
    private static final ParameterSpec UPDATE = ParameterSpec.of("description", "metadata[*]");
    private static final ParameterSpec REVERSE = ParameterSpec.of("amount", "description", "metadata[*]");

    private final Platform platform;
    private final ConnectedAccounts accounts;

    Transfers(Platform platform, ConnectedAccounts accounts) {
        this.platform = platform;
        this.accounts = accounts;
    }

    void register(Routes routes) {
        routes.post("/v1/transfers", call -> create(call.params()));
        routes.get("/v1/transfers", call -> list(call.params()));
        routes.get("/v1/transfers/{}", call -> retrieve(call));
        routes.post("/v1/transfers/{}", call -> update(call.id(), call.params()));
        routes.post("/v1/transfers/{}/reversals", call -> reverse(call.id(), call.params()));
        routes.get("/v1/transfers/{}/reversals", call -> reversals(call.id(), call.params()));
        routes.get("/v1/transfers/{}/reversals/{}", call -> reversal(call));
    }

    void requireDestination(String accountId, String param) {
        accounts.requireTransfersActive(accountId, param);
    }

    private JsonObject get(String id) {
        return platform.store().get("transfer", id, "transfer");
    }

    private JsonObject retrieve(Call call) {
        call.params().allowOnly(ParameterSpec.of());
        return get(call.id());
    }

    private JsonObject list(Parameters params) {
        params.allowOnly(ParameterSpec.list("destination", "transfer_group", "created", "created[*]"));
        return Listing.page(
                "/v1/transfers", platform.store().newestFirst("transfer"), params, "destination", "transfer_group");
    }

    private JsonObject create(Parameters params) {
        params.allowOnly(CREATE);
        long amount = params.amount("amount") == null ? missing("amount") : params.amount("amount");
        String currency = params.currency("currency");
        if (currency == null) {
            throw ApiError.missing("currency");
        }
        String destination = params.require("destination");
        requireDestination(destination, "destination");
        String source = params.string("source_transaction");
        if (source != null) {
            requireLeftOfCharge(source, amount, currency);
        } else if (amount > platform.ledger().available(currency)) {
            throw ApiError.invalid(
                    "balance_insufficient",
                    null,
                    "You have insufficient available funds in your Stripe account. Try adding funds directly to your"
                            + " available balance by creating Charges using the 4000000000000077 test card. See:"
                            + " https://stripe.com/docs/testing#available-balance");
        }
        JsonObject transfer = send(amount, currency, destination, source, params.string("transfer_group"));
        Json.put(transfer, "description", params.string("description"));
        params.applyMetadata(transfer.getAsJsonObject("metadata"));
        platform.events().emit("transfer.created", transfer);
        return transfer;
    }

    private static long missing(String param) {
        throw ApiError.missing(param);
    }

    private void requireLeftOfCharge(String chargeId, long amount, String currency) {
        JsonObject charge = platform.store().get("charge", chargeId, "charge", "source_transaction");
        if (!"succeeded".equals(Json.string(charge, "status"))) {
            throw ApiError.invalid(null, "source_transaction", "The source_transaction charge has not succeeded.");
        }
        String chargeCurrency = Json.string(charge, "currency");
        if (!chargeCurrency.equals(currency)) {
            throw ApiError.invalid(
                    null,
                    "currency",
                    "The currency of source_transaction's balance transaction (" + chargeCurrency
                            + ") must be the same as the transfer currency (" + currency + ").");
        }
        long left = leftOfCharge(charge);
        if (amount > left) {
            throw ApiError.invalid(
                    "balance_insufficient",
                    "amount",
                    "Insufficient funds in source_transaction " + chargeId + ": the transfer amount ("
                            + Money.inMessage(amount, currency) + ") is greater than what is left of the charge ("
                            + Money.inMessage(left, currency) + ").");
        }
    }

    /** What of a charge can still be transferred: its amount less refunds and the transfers made from it. */
    long leftOfCharge(JsonObject charge) {
        String id = Json.string(charge, "id");
        long transferred = 0;
        for (JsonObject transfer : platform.store().all("transfer")) {
            if (id.equals(Json.string(transfer, "source_transaction"))) {
                transferred += Json.amount(transfer, "amount") - Json.amount(transfer, "amount_reversed");
            }
        }
        return Json.amount(charge, "amount") - Json.amount(charge, "amount_refunded") - transferred;
    }

    /** A destination charge's transfer of its whole amount (the caller announces it after the charge). */
    JsonObject forDestinationCharge(JsonObject charge, String destination) {
        requireDestination(destination, "transfer_data[destination]");
        return send(
                Json.amount(charge, "amount"),
                Json.string(charge, "currency"),
                destination,
                Json.string(charge, "id"),
                Json.string(charge, "transfer_group"));
    }

    private JsonObject send(long amount, String currency, String destination, String source, String group) {
        JsonObject transfer = platform.create("transfer", "tr");
        String id = Json.string(transfer, "id");
        transfer.addProperty("amount", amount);
        transfer.addProperty("currency", currency);
        transfer.addProperty("destination", destination);
        transfer.addProperty("destination_payment", Ids.next("py"));
        transfer.add("metadata", new JsonObject());
        transfer.add("reversals", Json.list("/v1/transfers/" + id + "/reversals", List.of(), false));
        Json.put(transfer, "source_transaction", source);
        Json.put(transfer, "transfer_group", group);
        JsonObject transaction =
                platform.ledger().record(Ledger.Movement.of("transfer", "transfer", -amount, currency, id));
        transfer.addProperty("balance_transaction", Json.string(transaction, "id"));
        return transfer;
    }

    private JsonObject update(String id, Parameters params) {
        params.allowOnly(UPDATE);
        JsonObject transfer = get(id);
        JsonObject before = transfer.deepCopy();
        if (params.has("description")) {
            Json.put(transfer, "description", params.string("description"));
        }
        params.applyMetadata(transfer.getAsJsonObject("metadata"));
        platform.events().emit("transfer.updated", transfer, Events.changes(before, transfer));
        return transfer;
    }

    private JsonObject reverse(String id, Parameters params) {
        params.allowOnly(REVERSE);
        JsonObject transfer = get(id);
        Long amount = params.amount("amount");
        JsonObject reversal = reverse(transfer, amount == null ? left(transfer) : amount, null);
        Json.put(reversal, "description", params.string("description"));
        params.applyMetadata(reversal.getAsJsonObject("metadata"));
        return reversal;
    }

    private static long left(JsonObject transfer) {
        return Json.amount(transfer, "amount") - Json.amount(transfer, "amount_reversed");
    }

    /** Takes money back from the connected account, with {@code transfer.reversed}; {@code refund} if a refund did. */
    JsonObject reverse(JsonObject transfer, long amount, String refund) {
        String currency = Json.string(transfer, "currency");
        if (amount > left(transfer)) {
            throw ApiError.invalid(
                    "amount_too_large",
                    "amount",
                    "Reversal amount (" + Money.inMessage(amount, currency) + ") is greater than what is left of the"
                            + " transfer (" + Money.inMessage(left(transfer), currency) + ").");
        }
        JsonObject reversal = platform.create("transfer_reversal", "trr");
        String id = Json.string(reversal, "id");
        reversal.addProperty("amount", amount);
        reversal.addProperty("currency", currency);
        reversal.add("metadata", new JsonObject());
        Json.put(reversal, "source_refund", refund);
        reversal.addProperty("transfer", Json.string(transfer, "id"));
        JsonObject transaction = platform.ledger()
                .record(Ledger.Movement.of("transfer_refund", "transfer_reversal", amount, currency, id));
        reversal.addProperty("balance_transaction", Json.string(transaction, "id"));
        transfer.addProperty("amount_reversed", Json.amount(transfer, "amount_reversed") + amount);
        transfer.addProperty("reversed", left(transfer) == 0);
        Json.prepend(transfer.getAsJsonObject("reversals"), reversal);
        platform.events().emit("transfer.reversed", transfer);
        return reversal;
    }

    private JsonObject reversals(String id, Parameters params) {
        params.allowOnly(ParameterSpec.list());
        get(id);
        List<JsonObject> reversals = new ArrayList<>();
        for (JsonObject reversal : platform.store().newestFirst("transfer_reversal")) {
            if (id.equals(Json.string(reversal, "transfer"))) {
                reversals.add(reversal);
            }
        }
        return Listing.page("/v1/transfers/" + id + "/reversals", reversals, params);
    }

    private JsonObject reversal(Call call) {
        call.params().allowOnly(ParameterSpec.of());
        JsonObject reversal = platform.store().get("transfer_reversal", call.pathValue(1), "transfer reversal");
        if (!call.id().equals(Json.string(reversal, "transfer"))) {
            throw ApiError.noSuchPath("transfer reversal", call.pathValue(1));
        }
        return reversal;
    }
}
