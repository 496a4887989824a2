package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;
import java.util.Locale;

/**
 * Customers, and the card on file that renewals charge ({@code invoice_settings.default_payment_method}). Deleting a
 * customer cancels its subscriptions at once, as on Stripe; a deleted customer is still retrievable as deleted.
 */
final class Customers {

    private static final ParameterSpec CREATE = ParameterSpec.of(
            "email",
            "name",
            "description",
            "phone",
            "metadata[*]",
            "payment_method",
            "invoice_settings[default_payment_method]");
    private static final ParameterSpec UPDATE = ParameterSpec.of(
            "email", "name", "description", "phone", "metadata[*]", "invoice_settings[default_payment_method]");

    private final Platform platform;
    private final PaymentMethods paymentMethods;
    private final Subscriptions subscriptions;

    Customers(Platform platform, PaymentMethods paymentMethods, Subscriptions subscriptions) {
        this.platform = platform;
        this.paymentMethods = paymentMethods;
        this.subscriptions = subscriptions;
    }

    void register(Routes routes) {
        routes.post("/v1/customers", call -> create(call.params()));
        routes.get("/v1/customers", call -> list(call.params()));
        routes.get("/v1/customers/{}", call -> retrieve(call.id(), call.params()));
        routes.post("/v1/customers/{}", call -> update(call.id(), call.params()));
        routes.delete("/v1/customers/{}", call -> delete(call.id(), call.params()));
    }

    private JsonObject create(Parameters params) {
        params.allowOnly(CREATE);
        JsonObject customer = create(params.string("email"), params.string("name"));
        Json.put(customer, "description", params.string("description"));
        Json.put(customer, "phone", params.string("phone"));
        params.applyMetadata(customer.getAsJsonObject("metadata"));
        String id = Json.string(customer, "id");
        if (params.string("payment_method") != null) {
            paymentMethods.resolve(params.string("payment_method"), "payment_method", id);
        }
        String card = params.object("invoice_settings").string("default_payment_method");
        if (card != null) {
            setCardOnFile(customer, card, "invoice_settings[default_payment_method]");
        }
        platform.events().emit("customer.created", customer);
        return customer;
    }

    /** A new customer (no event: the caller emits {@code customer.created} where it belongs in its sequence). */
    JsonObject create(String email, String name) {
        JsonObject customer = platform.create("customer", "cus");
        Json.put(customer, "email", email);
        Json.put(customer, "name", name);
        customer.add("metadata", new JsonObject());
        customer.addProperty(
                "invoice_prefix", Ids.random(8).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "X"));
        customer.addProperty("next_invoice_sequence", 1);
        customer.getAsJsonObject("invoice_settings").add("default_payment_method", com.google.gson.JsonNull.INSTANCE);
        return customer;
    }

    JsonObject get(String id, String param) {
        return platform.store().get("customer", id, "customer", param);
    }

    private JsonObject retrieve(String id, Parameters params) {
        params.allowOnly(ParameterSpec.of());
        JsonObject tombstone = platform.store().findLocal(id);
        if (tombstone != null && Json.flag(tombstone, "deleted")) {
            return deleted(id);
        }
        return platform.store().get("customer", id, "customer");
    }

    private JsonObject list(Parameters params) {
        params.allowOnly(ParameterSpec.list("email", "created", "created[*]"));
        return Listing.page("/v1/customers", platform.store().newestFirst("customer"), params, "email");
    }

    private JsonObject update(String id, Parameters params) {
        params.allowOnly(UPDATE);
        JsonObject customer = platform.store().get("customer", id, "customer");
        JsonObject before = customer.deepCopy();
        for (String field : new String[] {"email", "name", "description", "phone"}) {
            if (params.has(field)) {
                Json.put(customer, field, params.string(field));
            }
        }
        params.applyMetadata(customer.getAsJsonObject("metadata"));
        String card = params.object("invoice_settings").string("default_payment_method");
        if (card != null) {
            setCardOnFile(customer, card, "invoice_settings[default_payment_method]");
        }
        platform.events().emit("customer.updated", customer, Events.changes(before, customer));
        return customer;
    }

    /**
     * Makes a payment method the customer's card on file, and the default of its subscriptions that are not over, as
     * the customer portal's "update payment method" does: the next renewal charges it.
     */
    JsonObject setCardOnFile(JsonObject customer, String paymentMethod, String param) {
        String id = Json.string(customer, "id");
        JsonObject method = paymentMethods.resolve(paymentMethod, param, id);
        String methodId = Json.string(method, "id");
        customer.getAsJsonObject("invoice_settings").addProperty("default_payment_method", methodId);
        subscriptions.useCardOnFile(id, methodId);
        return customer;
    }

    /** The control API's card on file, with {@code customer.updated}. */
    JsonObject changeCardOnFile(String customerId, String paymentMethod) {
        JsonObject customer = platform.store().get("customer", customerId, "customer");
        JsonObject before = customer.deepCopy();
        setCardOnFile(customer, paymentMethod, "payment_method");
        platform.events().emit("customer.updated", customer, Events.changes(before, customer));
        return customer;
    }

    private JsonObject delete(String id, Parameters params) {
        params.allowOnly(ParameterSpec.of());
        JsonObject customer = platform.store().get("customer", id, "customer");
        subscriptions.cancelAllOf(id);
        platform.store().remove(id);
        platform.store().local(id).addProperty("deleted", true);
        platform.events().emit("customer.deleted", customer);
        return deleted(id);
    }

    private JsonObject deleted(String id) {
        JsonObject deleted = platform.fixtures().newObject("deleted_customer");
        deleted.addProperty("id", id);
        return deleted;
    }
}
