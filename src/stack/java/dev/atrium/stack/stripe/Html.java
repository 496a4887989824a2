package dev.atrium.stack.stripe;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The pages' HTML: everything shown is escaped; one small stylesheet; amounts in major units with the currency. */
final class Html {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1f36}
            h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}table{border-collapse:collapse;width:100%}
            td,th{padding:.4rem;border-bottom:1px solid #e3e8ee;text-align:left}td.amount,th.amount{text-align:right}
            .note{color:#697386;font-size:.9rem}.error{background:#fde8e8;color:#9b1c1c;padding:.6rem;border-radius:4px}
            .done{background:#e3f9e5;color:#05400a;padding:.6rem;border-radius:4px}
            label{display:block;margin:.4rem 0}input[type=text],input[type=email]{width:100%;padding:.3rem}
            button{background:#635bff;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;font-size:1rem;
            cursor:pointer;margin:.5rem 0}button.secondary{background:#fff;color:#635bff;border:1px solid #635bff}
            form.inline{display:inline}code{background:#f6f8fa;padding:0 .2rem}
            """;

    private Html() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head><body>"
                + "<p class=\"note\">Local Stripe (test mode) &middot; nothing here moves real money</p>"
                + body + "</body></html>";
    }

    static String money(long amount, String currency) {
        return escape(Money.format(amount, currency));
    }

    static String day(long epochSeconds) {
        return DAY.format(Instant.ofEpochSecond(epochSeconds));
    }

    static String link(String href, String text) {
        return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
    }

    /** The test cards to pay with, as radio buttons named {@code payment_method}. */
    static String cardChoice() {
        StringBuilder choice = new StringBuilder("<fieldset><legend>Test card</legend>");
        boolean first = true;
        for (TestCard card : TestCard.values()) {
            choice.append("<label><input type=\"radio\" name=\"payment_method\" value=\"")
                    .append(escape(card.paymentMethod()))
                    .append(first ? "\" checked> " : "\"> ")
                    .append("<code>")
                    .append(escape(card.number()))
                    .append("</code> ")
                    .append(escape(card.description()))
                    .append(" <span class=\"note\">(")
                    .append(escape(card.paymentMethod()))
                    .append(")</span></label>");
            first = false;
        }
        return choice.append("</fieldset>").toString();
    }

    static String error(String message) {
        return message == null ? "" : "<p class=\"error\">" + escape(message) + "</p>";
    }
}
