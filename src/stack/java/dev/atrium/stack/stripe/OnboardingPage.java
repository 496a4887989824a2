package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * Connect onboarding, as an account link opens it: the account and what it still has to provide, and a button that
 * completes onboarding and returns to the platform's {@code return_url}. A used or expired link goes to the
 * {@code refresh_url}, where the platform makes a new one.
 */
final class OnboardingPage {

    private final ConnectedAccounts accounts;

    OnboardingPage(ConnectedAccounts accounts) {
        this.accounts = accounts;
    }

    /** {@code /connect/onboarding/{token}}. */
    PageAnswer serve(List<String> path, boolean post) {
        if (path.size() != 3 || !path.get(1).equals("onboarding")) {
            return PageAnswer.notFound("No such page.");
        }
        String token = path.get(2);
        if (post) {
            String next = accounts.completeOnboarding(token);
            return next == null ? PageAnswer.notFound("No such onboarding link.") : PageAnswer.afterForm(next);
        }
        ConnectedAccounts.Link link = accounts.link(token);
        if (link == null) {
            return PageAnswer.notFound("No such onboarding link.");
        }
        if (!link.usable()) {
            return PageAnswer.elsewhere(link.refreshUrl());
        }
        return PageAnswer.ok("Onboarding", render(link));
    }

    private static String render(ConnectedAccounts.Link link) {
        JsonObject account = link.account();
        StringBuilder due = new StringBuilder("<ul>");
        Json.strings(Json.array(account.getAsJsonObject("requirements"), "currently_due"))
                .forEach(item ->
                        due.append("<li><code>").append(Html.escape(item)).append("</code></li>"));
        return "<h1>Set up payouts</h1>"
                + "<p>Account <code>" + Html.escape(Json.string(account, "id")) + "</code> ("
                + Html.escape(Json.string(account, "type")) + ", " + Html.escape(Json.string(account, "country"))
                + (Json.string(account, "email") == null ? "" : ", " + Html.escape(Json.string(account, "email")))
                + ")</p><p>Stripe would now ask for:</p>" + due + "</ul>"
                + "<form method=\"post\"><button type=\"submit\">Complete onboarding</button></form>"
                + "<p class=\"note\">Completing submits the details, enables charges and payouts and activates the"
                + " requested capabilities.</p>"
                + "<p>" + Html.link(link.returnUrl(), "Leave without completing") + "</p>";
    }
}
