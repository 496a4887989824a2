package dev.atrium.stack.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages a person opens in a browser, reached without an API key as Stripe's hosted pages are (the unguessable id
 * in the address is the capability): Checkout, the customer portal, Connect onboarding, hosted invoices and their
 * PDF, and a start page.
 */
final class Pages implements HttpHandler {

    private final StateGuard state;
    private final CheckoutPage checkout;
    private final PortalPage portal;
    private final OnboardingPage onboarding;
    private final InvoicePage invoice;
    private final String apiBase;

    Pages(
            StateGuard state,
            CheckoutPage checkout,
            PortalPage portal,
            OnboardingPage onboarding,
            InvoicePage invoice,
            String apiBase) {
        this.state = state;
        this.checkout = checkout;
        this.portal = portal;
        this.onboarding = onboarding;
        this.invoice = invoice;
        this.apiBase = apiBase;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        List<String> path = segments(exchange.getRequestURI().getPath());
        if (path.size() == 3 && path.get(0).equals("invoice") && path.get(2).equals("pdf")) {
            pdf(exchange, path.get(1));
            return;
        }
        PageAnswer answer;
        try {
            answer = answer(exchange);
        } catch (ApiError refused) {
            answer = PageAnswer.html(
                    refused.status(),
                    Html.page("Error", "<h1>That did not work</h1>" + Html.error(refused.getMessage())));
        } catch (RuntimeException failed) {
            System.err.println("[stripe] page " + exchange.getRequestURI() + " failed: " + failed);
            failed.printStackTrace();
            answer = PageAnswer.html(500, Html.page("Error", "<h1>Something went wrong</h1>"));
        }
        send(exchange, answer);
    }

    private PageAnswer answer(HttpExchange exchange) throws IOException {
        List<String> path = segments(exchange.getRequestURI().getPath());
        boolean post = exchange.getRequestMethod().equals("POST");
        Parameters form = post ? Parameters.parse(Http.body(exchange)) : Parameters.none();
        if (path.isEmpty()) {
            return PageAnswer.ok("Local Stripe", home());
        }
        return switch (path.get(0)) {
            case "checkout" ->
                path.size() == 2
                        ? page(() -> post ? checkout.pay(path.get(1), form) : checkout.show(path.get(1)))
                        : PageAnswer.notFound("No such page.");
            case "portal" -> page(() -> portal.serve(path, post, form));
            case "connect" -> page(() -> onboarding.serve(path, post));
            case "invoice" -> page(() -> invoice.serve(path, post, form));
            default -> PageAnswer.notFound("No such page.");
        };
    }

    private PageAnswer page(java.util.function.Supplier<PageAnswer> work) {
        return state.change(work);
    }

    private void send(HttpExchange exchange, PageAnswer answer) throws IOException {
        if (answer.location() != null) {
            exchange.getResponseHeaders().set("Location", answer.location());
            Http.send(exchange, answer.status(), "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        Http.html(exchange, answer.status(), answer.html());
    }

    private void pdf(HttpExchange exchange, String id) throws IOException {
        byte[] document = state.read(() -> invoice.pdf(id));
        if (document == null) {
            Http.send(exchange, 404, "text/plain; charset=utf-8", "No such invoice".getBytes(StandardCharsets.UTF_8));
            return;
        }
        exchange.getResponseHeaders().set("Content-Disposition", "inline; filename=\"invoice-" + id + ".pdf\"");
        Http.send(exchange, 200, "application/pdf", document);
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private String home() {
        StringBuilder cards = new StringBuilder("<ul>");
        for (TestCard card : TestCard.values()) {
            cards.append("<li><code>")
                    .append(Html.escape(card.paymentMethod()))
                    .append("</code> (")
                    .append(Html.escape(card.number()))
                    .append("): ")
                    .append(Html.escape(card.description()))
                    .append("</li>");
        }
        return "<h1>Local Stripe is running</h1>"
                + "<p>A Stripe-compatible server for development and tests. Point stripe-java at <code>"
                + Html.escape(apiBase) + "</code> (API base and Connect base) with the stack's secret key.</p>"
                + "<p>Checkout sessions, portal sessions, account links and invoices the application creates here"
                + " carry the addresses of their pages. The control API under <code>/local</code> plays the buyer,"
                + " the bank and time (see docs/local-stripe.md).</p>"
                + "<h2>Test cards</h2>" + cards + "</ul>";
    }
}
