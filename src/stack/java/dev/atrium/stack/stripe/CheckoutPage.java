package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;

/** The buyer's Checkout page: what is bought, the test cards to pay with, and Stripe's redirects afterwards. */
final class CheckoutPage {

    private final Checkout checkout;

    CheckoutPage(Checkout checkout) {
        this.checkout = checkout;
    }

    PageAnswer show(String id) {
        JsonObject session = checkout.current(id);
        if (session == null) {
            return PageAnswer.notFound("No such checkout session.");
        }
        return PageAnswer.html(200, render(session, null));
    }

    PageAnswer pay(String id, Parameters form) {
        String method = form.string("payment_method") == null ? "pm_card_visa" : form.string("payment_method");
        try {
            JsonObject session =
                    checkout.pay(id, method, new Checkout.Buyer(form.string("email"), form.string("name")));
            String success = Checkout.successUrl(session);
            return PageAnswer.afterForm(success != null ? success : "/checkout/" + id);
        } catch (ApiError refused) {
            JsonObject session = checkout.current(id);
            if (session == null) {
                throw refused;
            }
            return PageAnswer.html(refused.status(), render(session, refused.getMessage()));
        }
    }

    private String render(JsonObject session, String error) {
        String status = Json.string(session, "status");
        String title = "Checkout";
        if (status.equals("complete")) {
            String success = Checkout.successUrl(session);
            return Html.page(
                    title,
                    "<h1>Payment complete</h1><p class=\"done\">Thank you. This checkout is complete.</p>"
                            + (success == null ? "" : "<p>" + Html.link(success, "Continue") + "</p>"));
        }
        String cancel = Json.string(session, "cancel_url");
        String back = cancel == null ? "" : "<p>" + Html.link(cancel, "← Back (cancel)") + "</p>";
        if (status.equals("expired")) {
            return Html.page(title, "<h1>This checkout session has expired</h1>" + back);
        }
        return Html.page(title, "<h1>Checkout</h1>" + Html.error(error) + summary(session) + form(session) + back);
    }

    private String summary(JsonObject session) {
        String currency = Json.string(session, "currency");
        StringBuilder rows =
                new StringBuilder("<table><tr><th>Item</th><th>Quantity</th><th class=\"amount\">Amount</th></tr>");
        for (JsonObject item : checkout.items(session)) {
            rows.append("<tr><td>")
                    .append(Html.escape(Json.string(item, "description")))
                    .append(recurrence(item.getAsJsonObject("price")))
                    .append("</td><td>")
                    .append(Json.amount(item, "quantity"))
                    .append("</td><td class=\"amount\">")
                    .append(Html.money(Json.amount(item, "amount_total"), currency))
                    .append("</td></tr>");
        }
        rows.append("<tr><th colspan=\"2\">Total</th><th class=\"amount\">")
                .append(Html.money(Json.amount(session, "amount_total"), currency))
                .append("</th></tr></table>");
        Long trial = checkout.trialDays(session);
        if (trial != null) {
            rows.append("<p>Free for ")
                    .append(trial)
                    .append(" days; the first payment is due when the trial ends.</p>");
        }
        return rows.toString();
    }

    private static String recurrence(JsonObject price) {
        JsonObject recurring = Json.object(price, "recurring");
        if (recurring == null) {
            return "";
        }
        long count = Json.amount(recurring, "interval_count");
        String interval = Json.string(recurring, "interval");
        return " <span class=\"note\">(every " + (count == 1 ? "" : count + " ") + Html.escape(interval)
                + (count == 1 ? "" : "s") + ")</span>";
    }

    private String form(JsonObject session) {
        String email = checkout.buyerEmail(session);
        String verb = Json.string(session, "mode").equals("subscription") ? "Subscribe" : "Pay";
        return "<form method=\"post\">"
                + "<label>Email <input type=\"email\" name=\"email\" value=\"" + Html.escape(email) + "\"></label>"
                + "<label>Name on card <input type=\"text\" name=\"name\"></label>"
                + Html.cardChoice()
                + "<button type=\"submit\">" + verb + " "
                + Html.money(Json.amount(session, "amount_total"), Json.string(session, "currency")) + "</button>"
                + "</form>";
    }
}
