package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;

/** Customer portal sessions: a page where a customer sees its subscriptions and invoices (see {@link PortalPage}). */
final class BillingPortal {

    private static final ParameterSpec CREATE = ParameterSpec.of("customer", "return_url");

    private final Platform platform;
    private final Customers customers;

    BillingPortal(Platform platform, Customers customers) {
        this.platform = platform;
        this.customers = customers;
    }

    void register(Routes routes) {
        routes.post("/v1/billing_portal/sessions", call -> create(call.params()));
    }

    private JsonObject create(Parameters params) {
        params.allowOnly(CREATE);
        String customer = params.require("customer");
        customers.get(customer, "customer");
        JsonObject session = platform.create("billing_portal.session", "bps");
        String id = Json.string(session, "id");
        session.addProperty("customer", customer);
        Json.put(session, "return_url", params.url("return_url"));
        session.addProperty("url", platform.baseUrl() + "/portal/" + id);
        return session;
    }

    /** The portal session a page is for, or null. */
    JsonObject find(String id) {
        return platform.store().find("billing_portal.session", id);
    }
}
