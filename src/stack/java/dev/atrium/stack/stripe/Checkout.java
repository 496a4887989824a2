package dev.atrium.stack.stripe;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checkout sessions: created by the application, completed by the buyer on the session's page (or by the control API
 * for tests). A declined card leaves the session open for another try; a successful payment completes it with a
 * payment intent and charge (payment mode) or a subscription and its paid first invoice (subscription mode).
 */
final class Checkout {

    static final long DEFAULT_LIFETIME_SECONDS = 24 * 3600;
    static final long SHORTEST_LIFETIME_SECONDS = 30 * 60;

    private static final ParameterSpec CREATE = ParameterSpec.of(
            "mode",
            "line_items[][price]",
            "line_items[][quantity]",
            "line_items[][price_data][currency]",
            "line_items[][price_data][unit_amount]",
            "line_items[][price_data][product]",
            "line_items[][price_data][product_data][name]",
            "line_items[][price_data][product_data][description]",
            "line_items[][price_data][product_data][metadata][*]",
            "line_items[][price_data][recurring][interval]",
            "line_items[][price_data][recurring][interval_count]",
            "customer",
            "customer_email",
            "customer_creation",
            "client_reference_id",
            "success_url",
            "cancel_url",
            "metadata[*]",
            "expires_at",
            "locale",
            "submit_type",
            "ui_mode",
            "billing_address_collection",
            "payment_method_types[]",
            "payment_intent_data[metadata][*]",
            "payment_intent_data[transfer_group]",
            "payment_intent_data[application_fee_amount]",
            "payment_intent_data[transfer_data][destination]",
            "payment_intent_data[description]",
            "subscription_data[metadata][*]",
            "subscription_data[application_fee_percent]",
            "subscription_data[transfer_data][destination]",
            "subscription_data[trial_period_days]");
    private static final ParameterSpec LIST =
            ParameterSpec.list("customer", "payment_intent", "subscription", "status", "created", "created[*]");

    /** Who pays: what the buyer's page (or the control API) submits besides the payment method. */
    record Buyer(String email, String name) {}

    private final Platform platform;
    private final ProductCatalog catalog;
    private final Customers customers;
    private final PaymentMethods paymentMethods;
    private final Payments payments;
    private final Subscriptions subscriptions;

    Checkout(
            Platform platform,
            ProductCatalog catalog,
            Customers customers,
            PaymentMethods paymentMethods,
            Payments payments,
            Subscriptions subscriptions) {
        this.platform = platform;
        this.catalog = catalog;
        this.customers = customers;
        this.paymentMethods = paymentMethods;
        this.payments = payments;
        this.subscriptions = subscriptions;
    }

    void register(Routes routes) {
        routes.post("/v1/checkout/sessions", call -> create(call.params()));
        routes.get("/v1/checkout/sessions", call -> list(call.params()));
        routes.get("/v1/checkout/sessions/{}", call -> retrieve(call));
        routes.get("/v1/checkout/sessions/{}/line_items", call -> lineItems(call.id(), call.params()));
        routes.post("/v1/checkout/sessions/{}/expire", call -> expire(call.id(), call.params()));
    }

    JsonObject get(String id) {
        return platform.store().get("checkout.session", id, "checkout.session");
    }

    private JsonObject retrieve(Call call) {
        call.params().allowOnly(ParameterSpec.of());
        return get(call.id());
    }

    private JsonObject list(Parameters params) {
        params.allowOnly(LIST);
        return Listing.page(
                "/v1/checkout/sessions",
                platform.store().newestFirst("checkout.session"),
                params,
                "customer",
                "payment_intent",
                "subscription",
                "status");
    }

    /** The includable {@code line_items} of a session, and the answer of its line items operation. */
    JsonElement lineItems(JsonObject session) {
        String id = Json.string(session, "id");
        List<JsonObject> items = Json.objects(Json.array(platform.store().local(id), "line_items"));
        return Json.list("/v1/checkout/sessions/" + id + "/line_items", items, false);
    }

    private JsonObject lineItems(String id, Parameters params) {
        params.allowOnly(ParameterSpec.list());
        return Listing.page("/v1/checkout/sessions/" + id + "/line_items", items(get(id)), params);
    }

    private JsonObject create(Parameters params) {
        params.allowOnly(CREATE);
        for (String type : params.strings("payment_method_types")) {
            if (!type.equals("card")) {
                throw ApiError.invalidValue(
                        null, "payment_method_types", "The local Stripe takes cards only, not " + type + ".");
            }
        }
        String mode = params.choice("mode", "payment", "setup", "subscription");
        if (mode == null) {
            throw ApiError.missing("mode");
        }
        if (mode.equals("setup")) {
            throw ApiError.invalidValue(null, "mode", "The local Stripe supports payment and subscription mode only.");
        }
        String customer = customer(params);
        List<JsonObject> items = lineItems(params, mode);
        JsonObject session = platform.create("checkout.session", "cs_test");
        String id = Json.string(session, "id");
        platform.store().local(id).add("line_items", itemsArray(items));
        session.addProperty("mode", mode);
        Json.put(session, "customer", customer);
        Json.put(session, "customer_email", params.string("customer_email"));
        Json.put(session, "customer_creation", customerCreation(params, mode, customer));
        Json.put(session, "client_reference_id", params.string("client_reference_id"));
        Json.put(session, "success_url", params.url("success_url"));
        Json.put(session, "cancel_url", params.url("cancel_url"));
        session.add("metadata", params.metadata());
        session.addProperty("expires_at", expiresAt(params));
        presentation(session, params);
        long total = items.stream()
                .mapToLong(item -> Json.amount(item, "amount_total"))
                .sum();
        session.addProperty("amount_subtotal", total);
        session.addProperty("amount_total", total);
        session.addProperty("currency", Json.string(items.get(0), "currency"));
        session.addProperty("payment_status", "unpaid");
        session.addProperty("status", "open");
        session.addProperty("url", platform.baseUrl() + "/checkout/" + id);
        platform.store().local(id).add("payment_intent_data", paymentIntentData(params, total, mode));
        platform.store().local(id).add("subscription_data", subscriptionData(params, mode));
        return session;
    }

    /** How the page is presented: kept as given (the local page is in English and always hosted). */
    private static void presentation(JsonObject session, Parameters params) {
        if (params.choice("ui_mode", "hosted", "embedded", "custom") != null
                && !"hosted".equals(params.string("ui_mode"))) {
            throw ApiError.invalidValue(null, "ui_mode", "The local Stripe serves hosted Checkout pages only.");
        }
        Json.put(session, "locale", params.string("locale"));
        Json.put(session, "submit_type", params.choice("submit_type", "auto", "book", "donate", "pay", "subscribe"));
        Json.put(
                session, "billing_address_collection", params.choice("billing_address_collection", "auto", "required"));
    }

    private String customer(Parameters params) {
        String customer = params.string("customer");
        if (customer != null && params.string("customer_email") != null) {
            throw ApiError.invalid(
                    null, "customer_email", "You may only specify one of these parameters: customer, customer_email.");
        }
        if (customer != null) {
            customers.get(customer, "customer");
        }
        return customer;
    }

    private static String customerCreation(Parameters params, String mode, String customer) {
        String creation = params.choice("customer_creation", "always", "if_required");
        if (creation != null && (customer != null || mode.equals("subscription"))) {
            throw ApiError.invalid(
                    null,
                    "customer_creation",
                    "`customer_creation` can only be used in `payment` mode without `customer`.");
        }
        return mode.equals("payment") && customer == null ? (creation == null ? "if_required" : creation) : null;
    }

    private long expiresAt(Parameters params) {
        long now = platform.now();
        Long given = params.integer("expires_at");
        if (given == null) {
            return now + DEFAULT_LIFETIME_SECONDS;
        }
        if (given < now + SHORTEST_LIFETIME_SECONDS || given > now + DEFAULT_LIFETIME_SECONDS) {
            throw ApiError.invalidValue(
                    null,
                    "expires_at",
                    "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session"
                            + " creation.");
        }
        return given;
    }

    private List<JsonObject> lineItems(Parameters params, String mode) {
        List<Parameters> given = params.objects("line_items");
        if (given.isEmpty()) {
            throw ApiError.missing("line_items");
        }
        List<JsonObject> items = new ArrayList<>();
        boolean recurring = false;
        for (Parameters item : given) {
            JsonObject price = price(item);
            recurring |= Json.object(price, "recurring") != null;
            if (mode.equals("payment") && Json.object(price, "recurring") != null) {
                throw ApiError.invalid(
                        null,
                        item.name("price"),
                        "You specified `payment` mode but passed a recurring price. Either switch to `subscription`"
                                + " mode or use only one-time prices.");
            }
            if (!items.isEmpty() && !Json.string(items.get(0), "currency").equals(Json.string(price, "currency"))) {
                throw ApiError.invalid(null, item.name("price"), "All line items must be in the same currency.");
            }
            items.add(item(price, item));
        }
        if (mode.equals("subscription")
                && items.stream().anyMatch(item -> Json.object(item.getAsJsonObject("price"), "recurring") == null)) {
            throw ApiError.invalid(
                    null,
                    "line_items",
                    "The local Stripe takes recurring prices only in `subscription` mode (one-time items on the first"
                            + " invoice are not supported).");
        }
        if (mode.equals("subscription") && !recurring) {
            throw ApiError.invalid(
                    null,
                    "line_items",
                    "You must provide at least one recurring price in `subscription` mode when using prices.");
        }
        return items;
    }

    private JsonObject price(Parameters item) {
        String priceId = item.string("price");
        Parameters priceData = item.object("price_data");
        if (priceId == null && priceData.isEmpty()) {
            throw ApiError.missing(item.name("price"));
        }
        if (priceId == null) {
            JsonObject inline = catalog.price(priceData);
            inline.addProperty("active", false);
            return inline;
        }
        JsonObject price = platform.store().get("price", priceId, "price", item.name("price"));
        if (!Json.flag(price, "active")) {
            throw ApiError.invalid(
                    null,
                    item.name("price"),
                    "The price specified is inactive. This field only accepts active prices.");
        }
        return price;
    }

    private JsonObject item(JsonObject price, Parameters given) {
        Long quantity = given.integer("quantity");
        if (quantity == null) {
            throw ApiError.missing(given.name("quantity"));
        }
        if (quantity < 1) {
            throw ApiError.invalidValue(null, given.name("quantity"), "Quantity must be at least 1.");
        }
        long amount = Json.amount(price, "unit_amount") * quantity;
        JsonObject product = platform.store().find("product", Json.string(price, "product"));
        JsonObject item = platform.build("item", "li");
        item.addProperty("amount_discount", 0);
        item.addProperty("amount_subtotal", amount);
        item.addProperty("amount_tax", 0);
        item.addProperty("amount_total", amount);
        item.addProperty("currency", Json.string(price, "currency"));
        item.addProperty("description", product == null ? "" : Json.string(product, "name"));
        item.add("price", price.deepCopy());
        item.addProperty("quantity", quantity);
        return item;
    }

    private static JsonArray itemsArray(List<JsonObject> items) {
        JsonArray array = new JsonArray();
        items.forEach(array::add);
        return array;
    }

    private JsonObject paymentIntentData(Parameters params, long total, String mode) {
        Parameters data = params.object("payment_intent_data");
        if (!data.isEmpty() && !mode.equals("payment")) {
            throw ApiError.invalid(
                    null, "payment_intent_data", "`payment_intent_data` can only be used in `payment` mode.");
        }
        String destination = data.object("transfer_data").string("destination");
        Long fee = data.amount("application_fee_amount");
        payments.requireDestination(destination, fee, total, "payment_intent_data[transfer_data][destination]");
        JsonObject kept = new JsonObject();
        kept.add("metadata", data.metadata());
        Json.put(kept, "transfer_group", data.string("transfer_group"));
        Json.put(kept, "description", data.string("description"));
        Json.put(kept, "application_fee_amount", fee);
        Json.put(kept, "destination", destination);
        return kept;
    }

    private JsonObject subscriptionData(Parameters params, String mode) {
        Parameters data = params.object("subscription_data");
        if (!data.isEmpty() && !mode.equals("subscription")) {
            throw ApiError.invalid(
                    null, "subscription_data", "`subscription_data` can only be used in `subscription` mode.");
        }
        String destination = data.object("transfer_data").string("destination");
        if (destination != null) {
            payments.requireDestination(destination, null, 0, "subscription_data[transfer_data][destination]");
        }
        BigDecimal percent = data.decimal("application_fee_percent");
        if (percent != null && (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw ApiError.invalidValue(
                    null, "subscription_data[application_fee_percent]", "Must be between 0 and 100.");
        }
        Long trialDays = data.integer("trial_period_days");
        if (trialDays != null && trialDays < 1) {
            throw ApiError.invalidValue(
                    null, "subscription_data[trial_period_days]", "The trial period must be at least 1 day.");
        }
        JsonObject kept = new JsonObject();
        kept.add("metadata", data.metadata());
        Json.put(kept, "application_fee_percent", percent);
        Json.put(kept, "destination", destination);
        Json.put(kept, "trial_period_days", trialDays);
        return kept;
    }

    private JsonObject expire(String id, Parameters params) {
        params.allowOnly(ParameterSpec.of());
        JsonObject session = get(id);
        if (!"open".equals(Json.string(session, "status"))) {
            throw ApiError.invalid(
                    null,
                    null,
                    "Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a"
                            + " status of \"" + Json.string(session, "status") + "\".");
        }
        return expireNow(session);
    }

    private JsonObject expireNow(JsonObject session) {
        session.addProperty("status", "expired");
        session.add("url", com.google.gson.JsonNull.INSTANCE);
        platform.events().emit("checkout.session.expired", session);
        return session;
    }

    /** A session past its {@code expires_at} expires when it is next looked at (no timer runs in the background). */
    JsonObject current(String id) {
        JsonObject session = platform.store().find("checkout.session", id);
        if (session != null
                && "open".equals(Json.string(session, "status"))
                && Json.amount(session, "expires_at") < platform.now()) {
            expireNow(session);
        }
        return session;
    }

    /**
     * The buyer pays: with a declining card the session stays open (and the answer is the card error), with any other
     * card it completes.
     */
    JsonObject pay(String id, String paymentMethod, Buyer buyer) {
        JsonObject session = current(id);
        if (session == null) {
            throw ApiError.noSuchPath("checkout.session", id);
        }
        if (!"open".equals(Json.string(session, "status"))) {
            throw ApiError.invalid(
                    "checkout_session_not_open",
                    null,
                    "This Checkout Session is " + Json.string(session, "status") + " and can no longer be paid.");
        }
        JsonObject method = paymentMethods.resolve(paymentMethod, "payment_method", null);
        TestCard card = PaymentMethods.cardOf(method);
        Buyer who = buyer(session, buyer);
        if (Json.string(session, "mode").equals("payment")) {
            return payOnce(session, method, card, who);
        }
        if (card.declines()) {
            throw ApiError.cardDeclined(card, null);
        }
        return subscribe(session, method, who);
    }

    private Buyer buyer(JsonObject session, Buyer given) {
        String email = given == null ? null : given.email();
        String name = given == null ? null : given.name();
        JsonObject customer = platform.store().find("customer", Json.string(session, "customer"));
        if (email == null || email.isBlank()) {
            email = customer != null ? Json.string(customer, "email") : Json.string(session, "customer_email");
        }
        if (name == null || name.isBlank()) {
            name = customer != null ? Json.string(customer, "name") : null;
        }
        return new Buyer(email == null ? "buyer@example.com" : email, name);
    }

    private JsonObject payOnce(JsonObject session, JsonObject method, TestCard card, Buyer buyer) {
        JsonObject data = platform.store().local(Json.string(session, "id")).getAsJsonObject("payment_intent_data");
        String customer = Json.string(session, "customer");
        if (!card.declines() && customer == null && "always".equals(Json.string(session, "customer_creation"))) {
            customer = newCustomer(buyer);
        }
        JsonObject intent = platform.store().find("payment_intent", Json.string(session, "payment_intent"));
        if (intent == null) {
            intent = payments.createIntent(order(session, data, customer));
            session.addProperty("payment_intent", Json.string(intent, "id"));
        }
        if (customer != null) {
            intent.addProperty("customer", customer);
            method.addProperty("customer", customer);
        }
        describe(method, buyer);
        Payments.Outcome outcome = payments.pay(intent, method);
        if (!outcome.paid()) {
            throw outcome.decline();
        }
        return complete(session, customer, buyer, "paid");
    }

    private static Payments.Order order(JsonObject session, JsonObject data, String customer) {
        return new Payments.Order(
                Json.amount(session, "amount_total"),
                Json.string(session, "currency"),
                customer,
                Json.string(data, "description"),
                data.getAsJsonObject("metadata").deepCopy(),
                Json.string(data, "transfer_group"),
                Json.string(data, "destination"),
                Json.number(data, "application_fee_amount"));
    }

    private String newCustomer(Buyer buyer) {
        JsonObject customer = customers.create(buyer.email(), buyer.name());
        platform.events().emit("customer.created", customer);
        return Json.string(customer, "id");
    }

    private static void describe(JsonObject method, Buyer buyer) {
        JsonObject billing = method.getAsJsonObject("billing_details");
        billing.addProperty("email", buyer.email());
        Json.put(billing, "name", buyer.name());
    }

    private JsonObject subscribe(JsonObject session, JsonObject method, Buyer buyer) {
        JsonObject data = platform.store().local(Json.string(session, "id")).getAsJsonObject("subscription_data");
        String destination = Json.string(data, "destination");
        if (destination != null) {
            payments.requireDestination(destination, null, 0, "subscription_data[transfer_data][destination]");
        }
        String customerId = Json.string(session, "customer");
        if (customerId == null) {
            customerId = newCustomer(buyer);
        }
        JsonObject customer = platform.store().get("customer", customerId, "customer");
        method.addProperty("customer", customerId);
        describe(method, buyer);
        JsonElement percent = data.get("application_fee_percent");
        Subscriptions.Started started = subscriptions.start(new Subscriptions.Start(
                customer,
                Json.objects(Json.array(platform.store().local(Json.string(session, "id")), "line_items")),
                data.getAsJsonObject("metadata").deepCopy(),
                percent == null || percent.isJsonNull() ? null : percent.getAsBigDecimal(),
                destination,
                Json.number(data, "trial_period_days"),
                method));
        session.addProperty("subscription", Json.string(started.subscription(), "id"));
        session.addProperty("invoice", Json.string(started.invoice(), "id"));
        boolean charged = Json.amount(started.invoice(), "amount_due") > 0;
        return complete(session, customerId, buyer, charged ? "paid" : "no_payment_required");
    }

    private JsonObject complete(JsonObject session, String customer, Buyer buyer, String paymentStatus) {
        Json.put(session, "customer", customer);
        JsonObject details = new JsonObject();
        details.add("address", com.google.gson.JsonNull.INSTANCE);
        details.addProperty("email", buyer.email());
        Json.put(details, "name", buyer.name());
        details.add("phone", com.google.gson.JsonNull.INSTANCE);
        details.addProperty("tax_exempt", "none");
        details.add("tax_ids", new JsonArray());
        details.add("business_name", com.google.gson.JsonNull.INSTANCE);
        details.add("individual_name", com.google.gson.JsonNull.INSTANCE);
        session.add("customer_details", details);
        session.addProperty("payment_status", paymentStatus);
        session.addProperty("status", "complete");
        session.add("url", com.google.gson.JsonNull.INSTANCE);
        platform.events().emit("checkout.session.completed", session);
        return session;
    }

    /** Where the buyer goes after paying: the success URL with {@code {CHECKOUT_SESSION_ID}} replaced, as Stripe does. */
    static String successUrl(JsonObject session) {
        String url = Json.string(session, "success_url");
        return url == null ? null : url.replace("{CHECKOUT_SESSION_ID}", Json.string(session, "id"));
    }

    /** The email the buyer's page starts with: the customer's, or the session's {@code customer_email}. */
    String buyerEmail(JsonObject session) {
        JsonObject customer = platform.store().find("customer", Json.string(session, "customer"));
        return customer != null ? Json.string(customer, "email") : Json.string(session, "customer_email");
    }

    /** The session's line items, for its page. */
    List<JsonObject> items(JsonObject session) {
        return Json.objects(Json.array(platform.store().local(Json.string(session, "id")), "line_items"));
    }

    /** The trial a subscription session starts with, in days, or null. */
    Long trialDays(JsonObject session) {
        JsonObject data = Json.object(platform.store().local(Json.string(session, "id")), "subscription_data");
        return data == null ? null : Json.number(data, "trial_period_days");
    }
}
