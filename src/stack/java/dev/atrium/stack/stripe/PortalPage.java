package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * The customer portal: the customer's subscriptions with "Cancel at period end" and "Resume" (which update the
 * subscription as the API would, with its event), a change of the card on file, the invoices, and the way back.
 */
final class PortalPage {

    private final BillingPortal portal;
    private final Subscriptions subscriptions;
    private final Customers customers;
    private final Store store;

    PortalPage(BillingPortal portal, Subscriptions subscriptions, Customers customers, Store store) {
        this.portal = portal;
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.store = store;
    }

    /** {@code /portal/{id}}, and its forms: {@code …/subscriptions/{sub}/cancel|resume}, {@code …/payment_method}. */
    PageAnswer serve(List<String> path, boolean post, Parameters form) {
        JsonObject session = path.size() >= 2 ? portal.find(path.get(1)) : null;
        if (session == null) {
            return PageAnswer.notFound("No such portal session.");
        }
        String home = "/portal/" + path.get(1);
        String customer = Json.string(session, "customer");
        if (!post) {
            return path.size() == 2 ? PageAnswer.ok("Billing", render(session, customer)) : PageAnswer.notFound("");
        }
        if (path.size() == 3 && path.get(2).equals("payment_method")) {
            customers.changeCardOnFile(customer, form.require("payment_method"));
            return PageAnswer.afterForm(home);
        }
        if (path.size() == 5 && path.get(2).equals("subscriptions")) {
            JsonObject subscription = subscriptions.get(path.get(3));
            if (!customer.equals(Json.string(subscription, "customer"))) {
                return PageAnswer.notFound("No such subscription.");
            }
            subscriptions.cancelAtPeriodEnd(path.get(3), path.get(4).equals("cancel"));
            return PageAnswer.afterForm(home);
        }
        return PageAnswer.notFound("No such page.");
    }

    private String render(JsonObject session, String customerId) {
        JsonObject customer = store.find("customer", customerId);
        String who = customer == null ? customerId : Json.string(customer, "email");
        String back = Json.string(session, "return_url");
        String home = "/portal/" + Json.string(session, "id");
        return "<h1>Billing</h1><p>" + Html.escape(who) + "</p>"
                + (back == null ? "" : "<p>" + Html.link(back, "← Return") + "</p>")
                + "<h2>Subscriptions</h2>" + subscriptionRows(customerId, home)
                + "<h2>Card on file</h2>" + cardForm(customer, home)
                + "<h2>Invoices</h2>" + invoiceRows(customerId);
    }

    private String subscriptionRows(String customerId, String home) {
        StringBuilder rows = new StringBuilder("<table>");
        List<JsonObject> all = subscriptions.ofCustomer(customerId);
        if (all.isEmpty()) {
            return "<p>No subscriptions.</p>";
        }
        for (JsonObject subscription : all) {
            rows.append("<tr><td>")
                    .append(plan(subscription))
                    .append("</td><td>")
                    .append(state(subscription))
                    .append("</td><td>")
                    .append(action(subscription, home))
                    .append("</td></tr>");
        }
        return rows.append("</table>").toString();
    }

    private String plan(JsonObject subscription) {
        StringBuilder plan = new StringBuilder();
        for (JsonObject item : Json.objects(Json.array(subscription.getAsJsonObject("items"), "data"))) {
            JsonObject price = item.getAsJsonObject("price");
            JsonObject product = store.find("product", Json.string(price, "product"));
            plan.append(Html.escape(product == null ? Json.string(price, "id") : Json.string(product, "name")))
                    .append(" &middot; ")
                    .append(Html.money(
                            Json.amount(price, "unit_amount") * Json.amount(item, "quantity"),
                            Json.string(price, "currency")))
                    .append(" / ")
                    .append(Html.escape(Json.string(price.getAsJsonObject("recurring"), "interval")))
                    .append("<br>");
        }
        return plan.toString();
    }

    private static String state(JsonObject subscription) {
        String status = Json.string(subscription, "status");
        JsonObject first = Json.objects(Json.array(subscription.getAsJsonObject("items"), "data"))
                .get(0);
        String end = Html.day(Json.amount(first, "current_period_end"));
        if (status.equals("canceled")) {
            return "Canceled";
        }
        if (Json.flag(subscription, "cancel_at_period_end")) {
            return Html.escape(status) + "; cancels on " + end;
        }
        return Html.escape(status) + "; renews on " + end;
    }

    private static String action(JsonObject subscription, String home) {
        if ("canceled".equals(Json.string(subscription, "status"))) {
            return "";
        }
        String id = Html.escape(Json.string(subscription, "id"));
        boolean cancelling = Json.flag(subscription, "cancel_at_period_end");
        return "<form class=\"inline\" method=\"post\" action=\"" + Html.escape(home) + "/subscriptions/" + id
                + (cancelling
                        ? "/resume\"><button type=\"submit\">Resume</button>"
                        : "/cancel\"><button" + " class=\"secondary\" type=\"submit\">Cancel at period end</button>")
                + "</form>";
    }

    private static String cardForm(JsonObject customer, String home) {
        String current = customer == null
                ? null
                : Json.string(customer.getAsJsonObject("invoice_settings"), "default_payment_method");
        String now = current == null
                ? "None yet: each subscription is charged the card it was started with."
                : "Current: <code>" + Html.escape(current) + "</code>";
        return "<p>" + now
                + "</p><form method=\"post\" action=\"" + Html.escape(home) + "/payment_method\">" + Html.cardChoice()
                + "<button class=\"secondary\" type=\"submit\">Use this card</button></form>";
    }

    private String invoiceRows(String customerId) {
        StringBuilder rows = new StringBuilder(
                "<table><tr><th>Number</th><th>Date</th><th>Status</th><th class=\"amount\">Amount</th></tr>");
        boolean any = false;
        for (JsonObject invoice : store.newestFirst("invoice")) {
            if (customerId.equals(Json.string(invoice, "customer")) && Json.string(invoice, "number") != null) {
                any = true;
                rows.append("<tr><td>")
                        .append(Html.link(Json.string(invoice, "hosted_invoice_url"), Json.string(invoice, "number")))
                        .append(" (")
                        .append(Html.link(Json.string(invoice, "invoice_pdf"), "PDF"))
                        .append(")</td><td>")
                        .append(Html.day(Json.amount(invoice, "created")))
                        .append("</td><td>")
                        .append(Html.escape(Json.string(invoice, "status")))
                        .append("</td><td class=\"amount\">")
                        .append(Html.money(Json.amount(invoice, "total"), Json.string(invoice, "currency")))
                        .append("</td></tr>");
            }
        }
        return any ? rows.append("</table>").toString() : "<p>No invoices.</p>";
    }
}
