package dev.atrium.stack.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform's balance: one balance transaction per money movement (a charge in, a refund, a transfer out, an
 * application fee back, a dispute), and the balance as the sum of their nets per currency, so the two always agree.
 * Funds are available at once (Stripe holds them for days; tests should not wait).
 */
final class Ledger {

    /** One movement: what it is, how Stripe reports it, its amount and fee, and the object that caused it. */
    record Movement(
            String type,
            String reportingCategory,
            long amount,
            long fee,
            String feeDescription,
            String currency,
            String source,
            String description) {

        static Movement of(String type, String category, long amount, String currency, String source) {
            return new Movement(type, category, amount, 0, null, currency, source, null);
        }

        Movement withFee(long fee, String feeDescription) {
            return new Movement(type, reportingCategory, amount, fee, feeDescription, currency, source, description);
        }

        Movement describedAs(String text) {
            return new Movement(type, reportingCategory, amount, fee, feeDescription, currency, source, text);
        }
    }

    private final Platform platform;

    Ledger(Platform platform) {
        this.platform = platform;
    }

    /** Records a movement and returns its balance transaction. */
    JsonObject record(Movement movement) {
        JsonObject transaction = platform.create("balance_transaction", "txn");
        long now = platform.now();
        transaction.addProperty("amount", movement.amount());
        transaction.addProperty("available_on", now);
        transaction.addProperty("currency", movement.currency());
        Json.put(transaction, "description", movement.description());
        transaction.addProperty("fee", movement.fee());
        transaction.add("fee_details", feeDetails(movement));
        transaction.addProperty("net", movement.amount() - movement.fee());
        transaction.addProperty("reporting_category", movement.reportingCategory());
        transaction.addProperty("source", movement.source());
        transaction.addProperty("status", "available");
        transaction.addProperty("type", movement.type());
        transaction.addProperty("balance_type", "payments");
        return transaction;
    }

    private static JsonArray feeDetails(Movement movement) {
        JsonArray details = new JsonArray();
        if (movement.fee() != 0) {
            JsonObject detail = new JsonObject();
            detail.addProperty("amount", movement.fee());
            detail.add("application", com.google.gson.JsonNull.INSTANCE);
            detail.addProperty("currency", movement.currency());
            detail.addProperty("description", movement.feeDescription());
            detail.addProperty("type", "stripe_fee");
            details.add(detail);
        }
        return details;
    }

    /** The available balance in each currency: the sum of every balance transaction's net. */
    Map<String, Long> available() {
        Map<String, Long> totals = new TreeMap<>();
        for (JsonObject transaction : platform.store().all("balance_transaction")) {
            totals.merge(Json.string(transaction, "currency"), Json.amount(transaction, "net"), Long::sum);
        }
        return totals;
    }

    long available(String currency) {
        return available().getOrDefault(currency, 0L);
    }

    /** Stripe's balance object: everything available, nothing pending. */
    JsonObject balance() {
        Map<String, Long> totals = available();
        if (totals.isEmpty()) {
            totals.put("usd", 0L);
        }
        JsonObject balance = platform.fixtures().newObject("balance");
        JsonArray available = new JsonArray();
        JsonArray pending = new JsonArray();
        JsonArray reserved = new JsonArray();
        totals.forEach((currency, amount) -> {
            available.add(funds(currency, amount));
            pending.add(funds(currency, 0));
            JsonObject none = new JsonObject();
            none.addProperty("amount", 0);
            none.addProperty("currency", currency);
            reserved.add(none);
        });
        balance.add("available", available);
        balance.add("connect_reserved", reserved);
        balance.add("pending", pending);
        return balance;
    }

    private static JsonObject funds(String currency, long amount) {
        JsonObject funds = new JsonObject();
        funds.addProperty("amount", amount);
        funds.addProperty("currency", currency);
        JsonObject sources = new JsonObject();
        sources.addProperty("card", amount);
        funds.add("source_types", sources);
        return funds;
    }
}
