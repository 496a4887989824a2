package dev.atrium.stack.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Disputes (chargebacks). Opening one takes the disputed amount and Stripe's dispute fee out of the balance; winning
 * it gives both back, losing it (or closing it, which accepts it) keeps them taken.
 */
final class Disputes {

    static final long EVIDENCE_DAYS = 7;

    private static final String[] EVIDENCE_FIELDS = {
        "access_activity_log",
        "billing_address",
        "cancellation_policy",
        "cancellation_policy_disclosure",
        "cancellation_rebuttal",
        "customer_communication",
        "customer_email_address",
        "customer_name",
        "customer_purchase_ip",
        "customer_signature",
        "duplicate_charge_documentation",
        "duplicate_charge_explanation",
        "duplicate_charge_id",
        "product_description",
        "receipt",
        "refund_policy",
        "refund_policy_disclosure",
        "refund_refusal_explanation",
        "service_date",
        "service_documentation",
        "shipping_address",
        "shipping_carrier",
        "shipping_date",
        "shipping_documentation",
        "shipping_tracking_number",
        "uncategorized_file",
        "uncategorized_text"
    };

    private static final ParameterSpec UPDATE = updateSpec();

    private final Platform platform;

    Disputes(Platform platform) {
        this.platform = platform;
    }

    private static ParameterSpec updateSpec() {
        String[] names = new String[EVIDENCE_FIELDS.length + 2];
        for (int i = 0; i < EVIDENCE_FIELDS.length; i++) {
            names[i] = "evidence[" + EVIDENCE_FIELDS[i] + "]";
        }
        names[EVIDENCE_FIELDS.length] = "metadata[*]";
        names[EVIDENCE_FIELDS.length + 1] = "submit";
        return ParameterSpec.of(names);
    }

    void register(Routes routes) {
        routes.get("/v1/disputes", call -> list(call.params()));
        routes.get("/v1/disputes/{}", call -> retrieve(call));
        routes.post("/v1/disputes/{}", call -> update(call.id(), call.params()));
        routes.post("/v1/disputes/{}/close", call -> close(call.id(), call.params()));
    }

    private JsonObject get(String id) {
        return platform.store().get("dispute", id, "dispute");
    }

    private JsonObject retrieve(Call call) {
        call.params().allowOnly(ParameterSpec.of());
        return get(call.id());
    }

    private JsonObject list(Parameters params) {
        params.allowOnly(ParameterSpec.list("charge", "payment_intent", "created", "created[*]"));
        return Listing.page(
                "/v1/disputes", platform.store().newestFirst("dispute"), params, "charge", "payment_intent");
    }

    /** The buyer's bank disputes a charge: the amount and the dispute fee leave the balance. */
    JsonObject open(String chargeId, String reason) {
        JsonObject charge = platform.store().get("charge", chargeId, "charge");
        if (!"succeeded".equals(Json.string(charge, "status")) || Json.flag(charge, "disputed")) {
            throw ApiError.invalid(null, "charge", "Charge " + chargeId + " cannot be disputed (again).");
        }
        long amount = Json.amount(charge, "amount");
        String currency = Json.string(charge, "currency");
        JsonObject dispute = platform.create("dispute", "dp");
        String id = Json.string(dispute, "id");
        dispute.addProperty("amount", amount);
        dispute.addProperty("charge", chargeId);
        dispute.addProperty("currency", currency);
        dispute.add("metadata", new JsonObject());
        dispute.add("payment_intent", charge.get("payment_intent").deepCopy());
        dispute.addProperty("reason", reason == null ? "fraudulent" : reason);
        JsonObject deadline = dispute.getAsJsonObject("evidence_details");
        deadline.addProperty("due_by", platform.now() + EVIDENCE_DAYS * 86_400);
        JsonObject card = dispute.getAsJsonObject("payment_method_details").getAsJsonObject("card");
        card.addProperty(
                "brand",
                Json.string(charge.getAsJsonObject("payment_method_details").getAsJsonObject("card"), "brand"));
        JsonArray transactions = new JsonArray();
        transactions.add(platform.ledger()
                .record(Ledger.Movement.of("adjustment", "dispute", -amount, currency, id)
                        .withFee(Money.DISPUTE_FEE, "Dispute fee")
                        .describedAs("Chargeback withdrawal for " + chargeId)));
        dispute.add("balance_transactions", transactions);
        charge.addProperty("disputed", true);
        platform.events().emit("charge.dispute.created", dispute);
        platform.events().emit("charge.dispute.funds_withdrawn", dispute);
        return dispute;
    }

    private JsonObject update(String id, Parameters params) {
        params.allowOnly(UPDATE);
        JsonObject dispute = get(id);
        requireOpen(dispute);
        JsonObject before = dispute.deepCopy();
        Parameters evidence = params.object("evidence");
        for (String field : evidence.values().keySet()) {
            Json.put(dispute.getAsJsonObject("evidence"), field, evidence.string(field));
        }
        params.applyMetadata(dispute.getAsJsonObject("metadata"));
        boolean submit = !Boolean.FALSE.equals(params.bool("submit"));
        JsonObject details = dispute.getAsJsonObject("evidence_details");
        details.addProperty("has_evidence", details.get("has_evidence").getAsBoolean() || !evidence.isEmpty());
        if (submit && !evidence.isEmpty()) {
            details.addProperty("submission_count", Json.amount(details, "submission_count") + 1);
            dispute.addProperty("status", "under_review");
        }
        platform.events().emit("charge.dispute.updated", dispute, Events.changes(before, dispute));
        return dispute;
    }

    private static void requireOpen(JsonObject dispute) {
        String status = Json.string(dispute, "status");
        if (status.equals("won") || status.equals("lost")) {
            throw ApiError.invalid(
                    null, null, "This dispute is already closed (" + status + "); it cannot be changed any more.");
        }
    }

    /** Accepting a dispute (Stripe's "close"): it is lost. */
    private JsonObject close(String id, Parameters params) {
        params.allowOnly(ParameterSpec.of());
        return resolve(id, false);
    }

    /** The bank's decision: won gives the amount and the fee back, lost keeps them taken. */
    JsonObject resolve(String id, boolean won) {
        JsonObject dispute = get(id);
        requireOpen(dispute);
        JsonObject before = dispute.deepCopy();
        dispute.addProperty("status", won ? "won" : "lost");
        if (won) {
            long amount = Json.amount(dispute, "amount");
            dispute.getAsJsonArray("balance_transactions")
                    .add(platform.ledger()
                            .record(Ledger.Movement.of(
                                            "adjustment",
                                            "dispute_reversal",
                                            amount,
                                            Json.string(dispute, "currency"),
                                            id)
                                    .withFee(-Money.DISPUTE_FEE, "Dispute fee returned")
                                    .describedAs("Chargeback reversal for " + Json.string(dispute, "charge"))));
            platform.events().emit("charge.dispute.funds_reinstated", dispute);
        }
        platform.events().emit("charge.dispute.closed", dispute, Events.changes(before, dispute));
        return dispute;
    }
}
