package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;
import java.util.List;

/** The hosted invoice page: the invoice, its PDF, and (while it is open) paying it with a test card. */
final class InvoicePage {

    private final Store store;
    private final Subscriptions subscriptions;

    InvoicePage(Store store, Subscriptions subscriptions) {
        this.store = store;
        this.subscriptions = subscriptions;
    }

    /** {@code /invoice/{id}}; a form post pays it. */
    PageAnswer serve(List<String> path, boolean post, Parameters form) {
        JsonObject invoice = path.size() == 2 ? finalized(path.get(1)) : null;
        if (invoice == null) {
            return PageAnswer.notFound("No such invoice.");
        }
        if (!post) {
            return PageAnswer.ok("Invoice", render(invoice, null));
        }
        try {
            subscriptions.collect(path.get(1), form.require("payment_method"));
        } catch (ApiError refused) {
            return PageAnswer.html(refused.status(), Html.page("Invoice", render(invoice, refused.getMessage())));
        }
        JsonObject after = finalized(path.get(1));
        String error = "paid".equals(Json.string(after, "status")) ? null : declineOf(after);
        return error == null
                ? PageAnswer.afterForm("/invoice/" + path.get(1))
                : PageAnswer.html(402, Html.page("Invoice", render(after, error)));
    }

    private String declineOf(JsonObject invoice) {
        for (JsonObject payment : store.all("invoice_payment")) {
            if (Json.string(invoice, "id").equals(Json.string(payment, "invoice"))) {
                JsonObject intent =
                        store.find("payment_intent", Json.string(payment.getAsJsonObject("payment"), "payment_intent"));
                JsonObject error = intent == null ? null : Json.object(intent, "last_payment_error");
                if (error != null) {
                    return Json.string(error, "message");
                }
            }
        }
        return "The payment did not go through.";
    }

    /** A finalized invoice (drafts have no hosted page), or null. */
    private JsonObject finalized(String id) {
        JsonObject invoice = store.find("invoice", id);
        return invoice == null || Json.string(invoice, "number") == null ? null : invoice;
    }

    byte[] pdf(String id) {
        JsonObject invoice = finalized(id);
        return invoice == null ? null : InvoicePdf.render(invoice);
    }

    private static String render(JsonObject invoice, String error) {
        String currency = Json.string(invoice, "currency");
        String status = Json.string(invoice, "status");
        StringBuilder lines = new StringBuilder(
                "<table><tr><th>Description</th><th>Period</th><th class=\"amount\">Amount</th></tr>");
        for (JsonObject line : Json.objects(Json.array(invoice.getAsJsonObject("lines"), "data"))) {
            JsonObject period = line.getAsJsonObject("period");
            lines.append("<tr><td>")
                    .append(Html.escape(Json.string(line, "description")))
                    .append("</td><td>")
                    .append(Html.day(Json.amount(period, "start")))
                    .append(" – ")
                    .append(Html.day(Json.amount(period, "end")))
                    .append("</td><td class=\"amount\">")
                    .append(Html.money(Json.amount(line, "amount"), currency))
                    .append("</td></tr>");
        }
        lines.append("<tr><th colspan=\"2\">Total</th><th class=\"amount\">")
                .append(Html.money(Json.amount(invoice, "total"), currency))
                .append("</th></tr></table>");
        String pay = status.equals("open")
                ? "<h2>Pay " + Html.money(Json.amount(invoice, "amount_remaining"), currency) + "</h2><form"
                        + " method=\"post\">" + Html.cardChoice() + "<button type=\"submit\">Pay</button></form>"
                : "";
        String paid = status.equals("paid")
                ? "<p class=\"done\">Paid on "
                        + Html.day(Json.amount(invoice.getAsJsonObject("status_transitions"), "paid_at")) + "</p>"
                : "";
        return "<h1>Invoice " + Html.escape(Json.string(invoice, "number")) + "</h1>" + Html.error(error) + paid
                + "<p>Status: " + Html.escape(status) + " &middot; billed to "
                + Html.escape(Json.string(invoice, "customer_email")) + " &middot; "
                + Html.day(Json.amount(invoice, "created")) + "</p>" + lines + pay + "<p>"
                + Html.link(Json.string(invoice, "invoice_pdf"), "Download PDF") + "</p>";
    }
}
