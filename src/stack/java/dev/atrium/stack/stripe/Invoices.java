package dev.atrium.stack.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Subscription invoices: drafted with one line per subscription item, finalized (numbered, with a hosted page and a
 * PDF served by this server), and collected by charging a payment method through a payment intent that later
 * attempts reuse. The invoice's events are emitted by {@link Subscriptions}, which knows where they belong in a
 * subscription's story.
 */
final class Invoices {

    /** Days until the next automatic attempt after the first, second and third failure (Stripe's smart retries). */
    private static final long[] RETRY_DAYS = {3, 5, 7};

    private final Platform platform;
    private final Payments payments;

    Invoices(Platform platform, Payments payments) {
        this.platform = platform;
        this.payments = payments;
    }

    void register(Routes routes) {
        routes.get("/v1/invoices", call -> list(call.params()));
        routes.get("/v1/invoices/{}", call -> retrieve(call));
        routes.get("/v1/invoices/{}/lines", call -> lines(call.id(), call.params()));
        routes.get("/v1/invoice_payments", call -> listPayments(call.params()));
        routes.get("/v1/invoice_payments/{}", call -> {
            call.params().allowOnly(ParameterSpec.of());
            return platform.store().get("invoice_payment", call.id(), "invoice payment");
        });
    }

    JsonObject get(String id) {
        return platform.store().get("invoice", id, "invoice");
    }

    private JsonObject retrieve(Call call) {
        call.params().allowOnly(ParameterSpec.of());
        return get(call.id());
    }

    private JsonObject list(Parameters params) {
        params.allowOnly(ParameterSpec.list("customer", "subscription", "status", "created", "created[*]"));
        List<JsonObject> invoices = new ArrayList<>(platform.store().newestFirst("invoice"));
        String subscription = params.string("subscription");
        if (subscription != null) {
            invoices.removeIf(invoice -> !subscription.equals(subscriptionOf(invoice)));
        }
        return Listing.page("/v1/invoices", invoices, params, "customer", "status");
    }

    private JsonObject lines(String id, Parameters params) {
        params.allowOnly(ParameterSpec.list());
        JsonObject invoice = get(id);
        List<JsonObject> lines = Json.objects(Json.array(invoice.getAsJsonObject("lines"), "data"));
        return Listing.page("/v1/invoices/" + id + "/lines", lines, params);
    }

    private JsonObject listPayments(Parameters params) {
        params.allowOnly(ParameterSpec.list("invoice", "status"));
        return Listing.page(
                "/v1/invoice_payments", platform.store().newestFirst("invoice_payment"), params, "invoice", "status");
    }

    /** The includable {@code payments} of an invoice. */
    JsonElement payments(JsonObject invoice) {
        String id = Json.string(invoice, "id");
        List<JsonObject> payments = new ArrayList<>();
        for (JsonObject payment : platform.store().newestFirst("invoice_payment")) {
            if (id.equals(Json.string(payment, "invoice"))) {
                payments.add(payment);
            }
        }
        return Json.list("/v1/invoice_payments?invoice=" + id, payments, false);
    }

    static String subscriptionOf(JsonObject invoice) {
        JsonObject details = Json.object(invoice.getAsJsonObject("parent"), "subscription_details");
        return details == null ? null : Json.string(details, "subscription");
    }

    /** A span of time in Unix seconds, as Stripe's {@code period} objects hold it. */
    record Period(long start, long end) {}

    /**
     * A draft invoice for a subscription's items over {@code lines} (the period they are billed for); {@code billed}
     * is the period the invoice reports in {@code period_start}/{@code period_end} (on a renewal, the one that just
     * ended, as Stripe reports it).
     */
    JsonObject draft(JsonObject subscription, String billingReason, Period lines, Period billed) {
        JsonObject customer = platform.store().find("customer", Json.string(subscription, "customer"));
        JsonObject invoice = platform.create("invoice", "in");
        invoice.addProperty("billing_reason", billingReason);
        invoice.addProperty("currency", Json.string(subscription, "currency"));
        invoice.addProperty("customer", Json.string(subscription, "customer"));
        if (customer != null) {
            invoice.add("customer_email", customer.get("email").deepCopy());
            invoice.add("customer_name", customer.get("name").deepCopy());
        }
        invoice.addProperty("period_start", billed.start());
        invoice.addProperty("period_end", billed.end());
        invoice.addProperty("status", "draft");
        invoice.add("status_transitions", transitions());
        invoice.getAsJsonObject("parent").add("subscription_details", subscriptionDetails(subscription));
        addLines(invoice, subscription, lines);
        return invoice;
    }

    private void addLines(JsonObject invoice, JsonObject subscription, Period period) {
        JsonArray lines = new JsonArray();
        long total = 0;
        for (JsonObject item : Json.objects(Json.array(subscription.getAsJsonObject("items"), "data"))) {
            JsonObject line = line(invoice, subscription, item, period);
            total += Json.amount(line, "amount");
            lines.add(line);
        }
        JsonObject lineList = Json.list("/v1/invoices/" + Json.string(invoice, "id") + "/lines", List.of(), false);
        lineList.add("data", lines);
        invoice.add("lines", lineList);
        setTotals(invoice, total);
    }

    private static JsonObject transitions() {
        JsonObject transitions = new JsonObject();
        transitions.add("finalized_at", JsonNull.INSTANCE);
        transitions.add("marked_uncollectible_at", JsonNull.INSTANCE);
        transitions.add("paid_at", JsonNull.INSTANCE);
        transitions.add("voided_at", JsonNull.INSTANCE);
        return transitions;
    }

    private static JsonObject subscriptionDetails(JsonObject subscription) {
        JsonObject details = new JsonObject();
        details.add("metadata", subscription.getAsJsonObject("metadata").deepCopy());
        details.addProperty("subscription", Json.string(subscription, "id"));
        return details;
    }

    private static void setTotals(JsonObject invoice, long total) {
        for (String field : new String[] {
            "amount_due", "amount_remaining", "subtotal", "subtotal_excluding_tax", "total", "total_excluding_tax"
        }) {
            invoice.addProperty(field, total);
        }
        invoice.addProperty("amount_paid", 0);
    }

    private JsonObject line(JsonObject invoice, JsonObject subscription, JsonObject item, Period billed) {
        JsonObject price = item.getAsJsonObject("price");
        long quantity = Json.amount(item, "quantity");
        boolean trial = "trialing".equals(Json.string(subscription, "status"));
        long amount = trial ? 0 : Json.amount(price, "unit_amount") * quantity;
        JsonObject product = platform.store().find("product", Json.string(price, "product"));
        String productName = product == null ? Json.string(price, "product") : Json.string(product, "name");
        JsonObject line = platform.build("line_item", "il");
        line.addProperty("amount", amount);
        line.addProperty("currency", Json.string(price, "currency"));
        line.addProperty(
                "description", trial ? "Trial period for " + productName : describe(quantity, productName, price));
        line.addProperty("invoice", Json.string(invoice, "id"));
        line.add("metadata", subscription.getAsJsonObject("metadata").deepCopy());
        JsonObject period = new JsonObject();
        period.addProperty("end", billed.end());
        period.addProperty("start", billed.start());
        line.add("period", period);
        line.addProperty("quantity", quantity);
        line.addProperty("subscription", Json.string(subscription, "id"));
        JsonObject details = line.getAsJsonObject("parent").getAsJsonObject("subscription_item_details");
        details.add("invoice_item", JsonNull.INSTANCE);
        details.addProperty("subscription", Json.string(subscription, "id"));
        details.addProperty("subscription_item", Json.string(item, "id"));
        line.add("pricing", pricing(price));
        line.addProperty("subtotal", amount);
        return line;
    }

    private static String describe(long quantity, String productName, JsonObject price) {
        JsonObject recurring = price.getAsJsonObject("recurring");
        long count = Json.amount(recurring, "interval_count");
        String every = count == 1
                ? Json.string(recurring, "interval")
                : count + " " + Json.string(recurring, "interval") + "s";
        return quantity + " × " + productName + " (at "
                + Money.format(Json.amount(price, "unit_amount"), Json.string(price, "currency")) + " / " + every + ")";
    }

    private static JsonObject pricing(JsonObject price) {
        JsonObject details = new JsonObject();
        details.addProperty("price", Json.string(price, "id"));
        details.addProperty("product", Json.string(price, "product"));
        JsonObject pricing = new JsonObject();
        pricing.add("price_details", details);
        pricing.addProperty("type", "price_details");
        pricing.addProperty("unit_amount_decimal", Json.string(price, "unit_amount_decimal"));
        return pricing;
    }

    /** Finalizes a draft: numbered from the customer's sequence, open, with its hosted page and PDF. */
    void finalizeDraft(JsonObject invoice) {
        JsonObject customer = platform.store().find("customer", Json.string(invoice, "customer"));
        long sequence = customer == null ? 1 : Json.amount(customer, "next_invoice_sequence");
        String prefix = customer == null ? "LOCAL" : Json.string(customer, "invoice_prefix");
        if (customer != null) {
            customer.addProperty("next_invoice_sequence", sequence + 1);
        }
        String id = Json.string(invoice, "id");
        long now = platform.now();
        invoice.addProperty("number", String.format("%s-%04d", prefix, sequence));
        invoice.addProperty("status", "open");
        invoice.addProperty("effective_at", now);
        invoice.addProperty("ending_balance", 0);
        invoice.getAsJsonObject("status_transitions").addProperty("finalized_at", now);
        invoice.addProperty("hosted_invoice_url", platform.baseUrl() + "/invoice/" + id);
        invoice.addProperty("invoice_pdf", platform.baseUrl() + "/invoice/" + id + "/pdf");
    }

    /**
     * One attempt to collect an open invoice with a payment method: a payment intent on its first attempt (reused
     * by later ones), a charge, and the invoice paid or its next attempt scheduled. Null for an invoice of nothing,
     * which is paid without a payment.
     */
    Payments.Outcome collect(JsonObject invoice, JsonObject subscription, JsonObject paymentMethod) {
        long amount = Json.amount(invoice, "amount_due");
        if (amount == 0) {
            markPaid(invoice, null);
            return null;
        }
        JsonObject payment = payment(invoice, subscription);
        JsonObject intent = platform.store()
                .find("payment_intent", Json.string(payment.getAsJsonObject("payment"), "payment_intent"));
        Payments.Outcome outcome = payments.pay(intent, paymentMethod);
        long attempts = Json.amount(invoice, "attempt_count") + 1;
        invoice.addProperty("attempt_count", attempts);
        invoice.addProperty("attempted", true);
        if (outcome.paid()) {
            markPaid(invoice, payment);
        } else {
            int retry = (int) Math.min(attempts, RETRY_DAYS.length) - 1;
            invoice.addProperty("next_payment_attempt", platform.now() + RETRY_DAYS[retry] * 86_400);
        }
        return outcome;
    }

    /** The invoice's payment record and its intent, made on the first attempt. */
    private JsonObject payment(JsonObject invoice, JsonObject subscription) {
        String id = Json.string(invoice, "id");
        for (JsonObject payment : platform.store().all("invoice_payment")) {
            if (id.equals(Json.string(payment, "invoice"))) {
                return payment;
            }
        }
        JsonObject intent = payments.createIntent(order(invoice, subscription));
        JsonObject payment = platform.create("invoice_payment", "inpay");
        payment.addProperty("amount_requested", Json.amount(invoice, "amount_due"));
        payment.addProperty("currency", Json.string(invoice, "currency"));
        payment.addProperty("invoice", id);
        payment.addProperty("is_default", true);
        JsonObject paid = new JsonObject();
        paid.addProperty("payment_intent", Json.string(intent, "id"));
        paid.addProperty("type", "payment_intent");
        payment.add("payment", paid);
        payment.addProperty("status", "open");
        JsonObject transitions = new JsonObject();
        transitions.add("canceled_at", JsonNull.INSTANCE);
        transitions.add("paid_at", JsonNull.INSTANCE);
        payment.add("status_transitions", transitions);
        return payment;
    }

    /** The payment of an invoice: to the subscription's destination with its application fee percentage, if any. */
    private static Payments.Order order(JsonObject invoice, JsonObject subscription) {
        long amount = Json.amount(invoice, "amount_due");
        JsonObject transferData = Json.object(subscription, "transfer_data");
        String destination = transferData == null ? null : Json.string(transferData, "destination");
        JsonElement percent = subscription.get("application_fee_percent");
        Long fee = destination == null || percent == null || percent.isJsonNull()
                ? null
                : Money.percent(amount, new BigDecimal(percent.getAsString()));
        String description = "subscription_create".equals(Json.string(invoice, "billing_reason"))
                ? "Subscription creation"
                : "Subscription update";
        return new Payments.Order(
                amount,
                Json.string(invoice, "currency"),
                Json.string(invoice, "customer"),
                description,
                new JsonObject(),
                null,
                destination,
                fee);
    }

    private void markPaid(JsonObject invoice, JsonObject payment) {
        long now = platform.now();
        long amount = Json.amount(invoice, "amount_due");
        invoice.addProperty("amount_paid", amount);
        invoice.addProperty("amount_remaining", 0);
        invoice.addProperty("attempted", true);
        invoice.addProperty("auto_advance", false);
        invoice.add("next_payment_attempt", JsonNull.INSTANCE);
        invoice.addProperty("status", "paid");
        invoice.getAsJsonObject("status_transitions").addProperty("paid_at", now);
        if (payment != null) {
            payment.addProperty("amount_paid", amount);
            payment.addProperty("status", "paid");
            payment.getAsJsonObject("status_transitions").addProperty("paid_at", now);
        }
    }
}
