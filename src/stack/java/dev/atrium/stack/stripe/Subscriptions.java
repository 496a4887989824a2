package dev.atrium.stack.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Subscriptions and their billing: started by Checkout with a first invoice, renewed period after period (the control
 * API ends the current period now), and dunned when a renewal's payment fails: {@code past_due} after a failed
 * attempt, {@code unpaid} after the fourth (Stripe's "mark the subscription as unpaid" setting), {@code active} again
 * once the invoice is paid. A subscription set to cancel at period end is canceled at its renewal instead.
 */
final class Subscriptions {

    /** Failed attempts on one invoice after which the subscription is marked unpaid. */
    static final int ATTEMPTS_BEFORE_UNPAID = 4;

    private static final ParameterSpec UPDATE = ParameterSpec.of(
            "cancel_at_period_end",
            "metadata[*]",
            "items[][id]",
            "items[][price]",
            "items[][quantity]",
            "items[][deleted]",
            "proration_behavior",
            "default_payment_method");
    private static final ParameterSpec CANCEL = ParameterSpec.of(
            "invoice_now", "prorate", "cancellation_details[comment]", "cancellation_details[feedback]");
    private static final ParameterSpec PAY = ParameterSpec.of("payment_method", "off_session");

    /** What Checkout starts a subscription with. */
    record Start(
            JsonObject customer,
            List<JsonObject> lineItems,
            JsonObject metadata,
            BigDecimal applicationFeePercent,
            String destination,
            Long trialDays,
            JsonObject paymentMethod) {}

    /** A started subscription and its first invoice. */
    record Started(JsonObject subscription, JsonObject invoice) {}

    private final Platform platform;
    private final Invoices invoices;
    private final PaymentMethods paymentMethods;

    Subscriptions(Platform platform, Invoices invoices, PaymentMethods paymentMethods) {
        this.platform = platform;
        this.invoices = invoices;
        this.paymentMethods = paymentMethods;
    }

    void register(Routes routes) {
        routes.get("/v1/subscriptions", call -> list(call.params()));
        routes.get("/v1/subscriptions/{}", call -> retrieve(call));
        routes.post("/v1/subscriptions/{}", call -> update(call.id(), call.params()));
        routes.delete("/v1/subscriptions/{}", call -> cancel(call.id(), call.params()));
        routes.post("/v1/invoices/{}/pay", call -> pay(call.id(), call.params()));
    }

    JsonObject get(String id) {
        return platform.store().get("subscription", id, "subscription");
    }

    private JsonObject retrieve(Call call) {
        call.params().allowOnly(ParameterSpec.of());
        return get(call.id());
    }

    private JsonObject list(Parameters params) {
        params.allowOnly(ParameterSpec.list("customer", "status", "created", "created[*]"));
        String status = params.choice(
                "status",
                "active",
                "all",
                "canceled",
                "ended",
                "incomplete",
                "incomplete_expired",
                "past_due",
                "paused",
                "trialing",
                "unpaid");
        List<JsonObject> subscriptions = new ArrayList<>(platform.store().newestFirst("subscription"));
        subscriptions.removeIf(subscription -> !hasStatus(subscription, status));
        return Listing.page("/v1/subscriptions", subscriptions, params, "customer");
    }

    /** Stripe lists subscriptions that are not canceled unless asked for a status, {@code all} or {@code ended}. */
    private static boolean hasStatus(JsonObject subscription, String wanted) {
        String status = Json.string(subscription, "status");
        if (wanted == null) {
            return !status.equals("canceled") && !status.equals("incomplete_expired");
        }
        return switch (wanted) {
            case "all" -> true;
            case "ended" -> status.equals("canceled") || status.equals("incomplete_expired");
            default -> status.equals(wanted);
        };
    }

    /** Checkout's subscription: active (or trialing) with its first invoice paid, events in Checkout's order. */
    Started start(Start start) {
        JsonObject subscription = subscription(start);
        long now = platform.now();
        JsonObject invoice = invoices.draft(
                subscription,
                "subscription_create",
                new Invoices.Period(now, periodEnd(subscription)),
                new Invoices.Period(now, now));
        JsonObject drafted = invoice.deepCopy();
        invoices.finalizeDraft(invoice);
        JsonObject finalized = invoice.deepCopy();
        subscription.addProperty("latest_invoice", Json.string(invoice, "id"));
        Payments.Outcome outcome = invoices.collect(invoice, subscription, start.paymentMethod());
        if (outcome != null && !outcome.paid()) {
            throw outcome.decline();
        }
        platform.events().emit("customer.subscription.created", subscription);
        platform.events().emit("invoice.created", drafted);
        platform.events().emit("invoice.finalized", finalized);
        platform.events().emit("invoice.paid", invoice);
        platform.events().emit("invoice.payment_succeeded", invoice);
        return new Started(subscription, invoice);
    }

    private JsonObject subscription(Start start) {
        JsonObject subscription = platform.create("subscription", "sub");
        String id = Json.string(subscription, "id");
        long now = platform.now();
        Long trialEnd = start.trialDays() == null ? null : now + start.trialDays() * 86_400;
        subscription.add("application_fee_percent", Json.element(start.applicationFeePercent()));
        subscription.addProperty("billing_cycle_anchor", trialEnd == null ? now : trialEnd);
        subscription.addProperty("customer", Json.string(start.customer(), "id"));
        subscription.addProperty("default_payment_method", Json.string(start.paymentMethod(), "id"));
        subscription.add("metadata", start.metadata());
        subscription.addProperty("start_date", now);
        subscription.addProperty("status", trialEnd == null ? "active" : "trialing");
        Json.put(subscription, "trial_start", trialEnd == null ? null : now);
        Json.put(subscription, "trial_end", trialEnd);
        if (start.destination() != null) {
            JsonObject transferData = new JsonObject();
            transferData.add("amount_percent", JsonNull.INSTANCE);
            transferData.addProperty("destination", start.destination());
            subscription.add("transfer_data", transferData);
        }
        JsonArray items = new JsonArray();
        String currency = null;
        for (JsonObject lineItem : start.lineItems()) {
            JsonObject price = lineItem.getAsJsonObject("price");
            currency = Json.string(price, "currency");
            long end = trialEnd == null ? advance(now, price.getAsJsonObject("recurring")) : trialEnd;
            items.add(item(id, price, Json.amount(lineItem, "quantity"), now, end));
        }
        subscription.addProperty("currency", currency);
        JsonObject itemList = Json.list("/v1/subscription_items?subscription=" + id, List.of(), false);
        itemList.add("data", items);
        itemList.addProperty("total_count", items.size());
        subscription.add("items", itemList);
        return subscription;
    }

    private JsonObject item(String subscriptionId, JsonObject price, long quantity, long start, long end) {
        JsonObject item = platform.build("subscription_item", "si");
        item.add("discounts", new JsonArray());
        item.add("metadata", new JsonObject());
        item.add("price", price.deepCopy());
        item.add("plan", plan(price));
        item.addProperty("quantity", quantity);
        item.addProperty("subscription", subscriptionId);
        item.add("tax_rates", new JsonArray());
        item.addProperty("current_period_start", start);
        item.addProperty("current_period_end", end);
        return item;
    }

    /** The legacy plan object Stripe still shows beside a recurring price. */
    private JsonObject plan(JsonObject price) {
        JsonObject recurring = price.getAsJsonObject("recurring");
        JsonObject plan = platform.fixtures().newObject("plan");
        plan.add("active", price.get("active").deepCopy());
        plan.add("amount", price.get("unit_amount").deepCopy());
        plan.add("amount_decimal", price.get("unit_amount_decimal").deepCopy());
        plan.add("created", price.get("created").deepCopy());
        plan.add("currency", price.get("currency").deepCopy());
        plan.add("id", price.get("id").deepCopy());
        plan.add("interval", recurring.get("interval").deepCopy());
        plan.add("interval_count", recurring.get("interval_count").deepCopy());
        plan.add("metadata", price.get("metadata").deepCopy());
        plan.add("nickname", price.get("nickname").deepCopy());
        plan.add("product", price.get("product").deepCopy());
        return plan;
    }

    /** The end of a period that starts at {@code start}, in calendar terms (a month is a month) in UTC. */
    static long advance(long start, JsonObject recurring) {
        ZonedDateTime from = Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC);
        long count = Json.amount(recurring, "interval_count");
        ZonedDateTime to =
                switch (Json.string(recurring, "interval")) {
                    case "day" -> from.plusDays(count);
                    case "week" -> from.plusWeeks(count);
                    case "year" -> from.plusYears(count);
                    default -> from.plusMonths(count);
                };
        return to.toEpochSecond();
    }

    private static List<JsonObject> items(JsonObject subscription) {
        return Json.objects(Json.array(subscription.getAsJsonObject("items"), "data"));
    }

    private static long periodStart(JsonObject subscription) {
        return Json.amount(items(subscription).get(0), "current_period_start");
    }

    private static long periodEnd(JsonObject subscription) {
        return Json.amount(items(subscription).get(0), "current_period_end");
    }

    /**
     * The control API's renewal: the current period ends now and the next one starts, with its invoice collected from
     * the given payment method or the card on file; a subscription set to cancel at period end ends instead.
     */
    JsonObject renew(String id, String paymentMethod) {
        JsonObject subscription = get(id);
        requireNotCanceled(subscription);
        if (Json.flag(subscription, "cancel_at_period_end")) {
            return end(subscription);
        }
        JsonObject method = paymentMethod(subscription, paymentMethod);
        JsonObject before = subscription.deepCopy();
        // The next period starts now, and at least a second after the last one did, so that a renewal always
        // changes the period, even two within a second in a test.
        long now = Math.max(platform.now(), periodStart(subscription) + 1);
        Invoices.Period billed = new Invoices.Period(periodStart(subscription), now);
        if (Json.number(subscription, "trial_end") != null && Json.amount(subscription, "trial_end") > now) {
            subscription.addProperty("trial_end", now);
        }
        subscription.addProperty("status", "active");
        for (JsonObject item : items(subscription)) {
            item.addProperty("current_period_start", now);
            item.addProperty(
                    "current_period_end",
                    advance(now, item.getAsJsonObject("price").getAsJsonObject("recurring")));
        }
        JsonObject invoice = invoices.draft(
                subscription, "subscription_cycle", new Invoices.Period(now, periodEnd(subscription)), billed);
        platform.events().emit("invoice.created", invoice);
        invoices.finalizeDraft(invoice);
        platform.events().emit("invoice.finalized", invoice);
        subscription.addProperty("latest_invoice", Json.string(invoice, "id"));
        settle(subscription, invoice, invoices.collect(invoice, subscription, method));
        platform.events().emit("customer.subscription.updated", subscription, Events.changes(before, subscription));
        return subscription;
    }

    /** The subscription's state after an attempt to collect one of its invoices, with the invoice's events. */
    private void settle(JsonObject subscription, JsonObject invoice, Payments.Outcome outcome) {
        if (outcome == null || outcome.paid()) {
            platform.events().emit("invoice.paid", invoice);
            platform.events().emit("invoice.payment_succeeded", invoice);
            subscription.addProperty("status", "active");
            return;
        }
        if (Json.amount(invoice, "attempt_count") >= ATTEMPTS_BEFORE_UNPAID) {
            invoice.add("next_payment_attempt", JsonNull.INSTANCE);
            subscription.addProperty("status", "unpaid");
        } else if (!"unpaid".equals(Json.string(subscription, "status"))) {
            subscription.addProperty("status", "past_due");
        }
        platform.events().emit("invoice.payment_failed", invoice);
    }

    /** The payment method to charge: the one given, else the subscription's default, else the customer's card. */
    private JsonObject paymentMethod(JsonObject subscription, String given) {
        String customer = Json.string(subscription, "customer");
        if (given != null) {
            return paymentMethods.resolve(given, "payment_method", customer);
        }
        String fallback = Json.string(subscription, "default_payment_method");
        JsonObject owner = platform.store().find("customer", customer);
        if (fallback == null && owner != null) {
            fallback = Json.string(owner.getAsJsonObject("invoice_settings"), "default_payment_method");
        }
        if (fallback == null) {
            throw ApiError.invalid(
                    null,
                    "payment_method",
                    "This customer has no attached payment source or default payment method. Please consider adding"
                            + " a default payment method.");
        }
        return paymentMethods.resolve(fallback, "payment_method", customer);
    }

    /** Another attempt at an open invoice: Stripe's {@code POST /v1/invoices/{id}/pay} and its automatic retries. */
    Payments.Outcome collect(String invoiceId, String paymentMethod) {
        JsonObject invoice = invoices.get(invoiceId);
        String status = Json.string(invoice, "status");
        if (status.equals("paid")) {
            throw ApiError.invalid("invoice_already_paid", null, "Invoice is already paid");
        }
        if (!status.equals("open") && !status.equals("draft")) {
            throw ApiError.invalid(
                    "invoice_not_editable", null, "This invoice can no longer be paid (its status is " + status + ").");
        }
        JsonObject subscription = get(Invoices.subscriptionOf(invoice));
        JsonObject method = paymentMethod(subscription, paymentMethod);
        if (status.equals("draft")) {
            invoices.finalizeDraft(invoice);
            platform.events().emit("invoice.finalized", invoice);
        }
        JsonObject before = subscription.deepCopy();
        Payments.Outcome outcome = invoices.collect(invoice, subscription, method);
        settle(subscription, invoice, outcome);
        JsonObject changes = Events.changes(before, subscription);
        if (!changes.isEmpty()) {
            platform.events().emit("customer.subscription.updated", subscription, changes);
        }
        return outcome;
    }

    private JsonObject pay(String invoiceId, Parameters params) {
        params.allowOnly(PAY);
        Payments.Outcome outcome = collect(invoiceId, params.string("payment_method"));
        if (outcome != null && !outcome.paid()) {
            throw outcome.decline();
        }
        return invoices.get(invoiceId);
    }

    private static void requireNotCanceled(JsonObject subscription) {
        if ("canceled".equals(Json.string(subscription, "status"))) {
            throw ApiError.invalid(
                    null, null, "A canceled subscription can only update its cancellation_details and metadata.");
        }
    }

    private JsonObject update(String id, Parameters params) {
        params.allowOnly(UPDATE);
        params.choice("proration_behavior", "none", "create_prorations", "always_invoice");
        JsonObject subscription = get(id);
        JsonObject before = subscription.deepCopy();
        params.applyMetadata(subscription.getAsJsonObject("metadata"));
        boolean onlyMetadata =
                params.values().keySet().stream().allMatch(key -> key.equals("metadata") || key.equals("expand"));
        if (!onlyMetadata) {
            requireNotCanceled(subscription);
        }
        Boolean cancelAtPeriodEnd = params.bool("cancel_at_period_end");
        if (cancelAtPeriodEnd != null) {
            setCancelAtPeriodEnd(subscription, cancelAtPeriodEnd);
        }
        if (params.string("default_payment_method") != null) {
            JsonObject method = paymentMethods.resolve(
                    params.string("default_payment_method"),
                    "default_payment_method",
                    Json.string(subscription, "customer"));
            subscription.addProperty("default_payment_method", Json.string(method, "id"));
        }
        changeItems(subscription, params.objects("items"));
        announce(subscription, before);
        return subscription;
    }

    private void announce(JsonObject subscription, JsonObject before) {
        JsonObject changes = Events.changes(before, subscription);
        if (!changes.isEmpty()) {
            platform.events().emit("customer.subscription.updated", subscription, changes);
        }
    }

    private void setCancelAtPeriodEnd(JsonObject subscription, boolean cancel) {
        subscription.addProperty("cancel_at_period_end", cancel);
        JsonObject details = subscription.getAsJsonObject("cancellation_details");
        if (cancel) {
            subscription.addProperty("cancel_at", periodEnd(subscription));
            subscription.addProperty("canceled_at", platform.now());
            details.addProperty("reason", "cancellation_requested");
        } else {
            subscription.add("cancel_at", JsonNull.INSTANCE);
            subscription.add("canceled_at", JsonNull.INSTANCE);
            details.add("reason", JsonNull.INSTANCE);
        }
    }

    /** The portal's "Cancel at period end" and "Resume". */
    JsonObject cancelAtPeriodEnd(String id, boolean cancel) {
        JsonObject subscription = get(id);
        requireNotCanceled(subscription);
        JsonObject before = subscription.deepCopy();
        setCancelAtPeriodEnd(subscription, cancel);
        announce(subscription, before);
        return subscription;
    }

    /** Plan changes: an item's price or quantity changed, items added or deleted. No proration is computed. */
    private void changeItems(JsonObject subscription, List<Parameters> changes) {
        JsonArray items = subscription.getAsJsonObject("items").getAsJsonArray("data");
        for (Parameters change : changes) {
            String itemId = change.string("id");
            JsonObject item = itemId == null ? null : find(items, itemId, change.name("id"));
            if (Boolean.TRUE.equals(change.bool("deleted"))) {
                removeItem(items, item, change);
            } else if (item == null) {
                items.add(addedItem(subscription, change));
            } else {
                changeItem(subscription, item, change);
            }
        }
        subscription.getAsJsonObject("items").addProperty("total_count", items.size());
    }

    /** A new item, billed over the subscription's current period. */
    private JsonObject addedItem(JsonObject subscription, Parameters change) {
        if (change.string("price") == null) {
            throw ApiError.missing(change.name("price"));
        }
        JsonObject price = recurringPrice(subscription, change.string("price"), change.name("price"));
        Long quantity = change.integer("quantity");
        return item(
                Json.string(subscription, "id"),
                price,
                quantity == null ? 1 : quantity,
                periodStart(subscription),
                periodEnd(subscription));
    }

    private void changeItem(JsonObject subscription, JsonObject item, Parameters change) {
        if (change.string("price") != null) {
            JsonObject price = recurringPrice(subscription, change.string("price"), change.name("price"));
            item.add("price", price.deepCopy());
            item.add("plan", plan(price));
        }
        Long quantity = change.integer("quantity");
        if (quantity != null) {
            item.addProperty("quantity", quantity);
        }
    }

    private static JsonObject find(JsonArray items, String itemId, String param) {
        for (JsonObject item : Json.objects(items)) {
            if (itemId.equals(Json.string(item, "id"))) {
                return item;
            }
        }
        throw ApiError.noSuch("subscription item", itemId, param);
    }

    private static void removeItem(JsonArray items, JsonObject item, Parameters change) {
        if (item == null) {
            throw ApiError.missing(change.name("id"));
        }
        if (items.size() == 1) {
            throw ApiError.invalid(null, change.name("deleted"), "A subscription must have at least one active plan.");
        }
        items.remove(item);
    }

    private JsonObject recurringPrice(JsonObject subscription, String priceId, String param) {
        JsonObject price = platform.store().get("price", priceId, "price", param);
        if (!Json.flag(price, "active")) {
            throw ApiError.invalid(
                    null, param, "The price specified is inactive. This field only accepts active prices.");
        }
        if (Json.object(price, "recurring") == null) {
            throw ApiError.invalid(
                    null,
                    param,
                    "The price specified is set to `type=one_time` but this field only accepts prices"
                            + " with `type=recurring`.");
        }
        if (!Json.string(price, "currency").equals(Json.string(subscription, "currency"))) {
            throw ApiError.invalid(
                    null,
                    param,
                    "The price's currency must match the subscription's (" + Json.string(subscription, "currency")
                            + ").");
        }
        return price;
    }

    private JsonObject cancel(String id, Parameters params) {
        params.allowOnly(CANCEL);
        params.bool("invoice_now");
        params.bool("prorate");
        JsonObject subscription = get(id);
        requireNotCanceled(subscription);
        Parameters details = params.object("cancellation_details");
        JsonObject cancellation = subscription.getAsJsonObject("cancellation_details");
        Json.put(cancellation, "comment", details.string("comment"));
        Json.put(
                cancellation,
                "feedback",
                details.choice(
                        "feedback",
                        "customer_service",
                        "low_quality",
                        "missing_features",
                        "other",
                        "switched_service",
                        "too_complex",
                        "too_expensive",
                        "unused"));
        subscription.addProperty("canceled_at", platform.now());
        return end(subscription);
    }

    /** The subscription ends now, with {@code customer.subscription.deleted}. */
    private JsonObject end(JsonObject subscription) {
        long now = platform.now();
        subscription.addProperty("status", "canceled");
        subscription.addProperty("ended_at", now);
        if (subscription.get("canceled_at").isJsonNull()) {
            subscription.addProperty("canceled_at", now);
        }
        subscription.getAsJsonObject("cancellation_details").addProperty("reason", "cancellation_requested");
        platform.events().emit("customer.subscription.deleted", subscription);
        return subscription;
    }

    /** A deleted customer's subscriptions end at once, as on Stripe. */
    void cancelAllOf(String customerId) {
        for (JsonObject subscription : platform.store().all("subscription")) {
            boolean ofCustomer = customerId.equals(Json.string(subscription, "customer"));
            if (ofCustomer && !"canceled".equals(Json.string(subscription, "status"))) {
                end(subscription);
            }
        }
    }

    /** A customer's new card on file becomes the default of its subscriptions that have not ended. */
    void useCardOnFile(String customerId, String paymentMethodId) {
        for (JsonObject subscription : platform.store().all("subscription")) {
            boolean ofCustomer = customerId.equals(Json.string(subscription, "customer"));
            if (ofCustomer && !"canceled".equals(Json.string(subscription, "status"))) {
                JsonObject before = subscription.deepCopy();
                subscription.addProperty("default_payment_method", paymentMethodId);
                announce(subscription, before);
            }
        }
    }

    /** A customer's subscriptions, newest first, for the customer portal. */
    List<JsonObject> ofCustomer(String customerId) {
        List<JsonObject> subscriptions = new ArrayList<>();
        for (JsonObject subscription : platform.store().newestFirst("subscription")) {
            if (customerId.equals(Json.string(subscription, "customer"))) {
                subscriptions.add(subscription);
            }
        }
        return subscriptions;
    }
}
