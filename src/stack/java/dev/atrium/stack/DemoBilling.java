package dev.atrium.stack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.atrium.stack.stripe.LocalStripe;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The demo tenants' money, made the way a newcomer would make it by hand: the operator sells each demo tenant its plan
 * and the local Stripe's buyer pays it with a test card; Pat, the sample professional of a tenant that sells, buys
 * its premium membership. Only in development, once (the state is kept between runs); what is there already is left.
 */
final class DemoBilling {

    private static final List<String> TENANTS = List.of("brightside", "northfield", "makers");
    private final StackProfile profile;
    private final DemoApi api;
    private final LocalStripe stripe;

    DemoBilling(StackProfile profile, DemoApi api, LocalStripe stripe) {
        this.profile = profile;
        this.api = api;
        this.stripe = stripe;
    }

    /** Pays what is not paid yet; a failure is reported and leaves the rest of the stack running. */
    void makeDemoPurchases() {
        try {
            String operator = api.token("atrium-cli", StackProfile.OPERATOR_USERNAME, profile.operatorPassword());
            for (String slug : TENANTS) {
                payPlan(operator, slug);
            }
            buyMembership("brightside", "pat@brightside.example");
        } catch (Exception failed) {
            System.out.println("[stack] demo billing: not made (" + failed + ")");
        }
    }

    private void payPlan(String operator, String slug) throws Exception {
        String base = "/api/v1/platform/tenants/" + slug + "/billing/plan";
        HttpResponse<String> standing = api.send("GET", base, operator, null);
        if (standing.statusCode() != 200) {
            return;
        }
        JsonObject plan = JsonParser.parseString(standing.body()).getAsJsonObject();
        if (!"none".equals(plan.get("standing").getAsString())) {
            return;
        }
        String planId = plan.get("plan").getAsString();
        HttpResponse<String> checkout = api.send(
                "POST", base + "/checkout", operator, "{\"plan\": \"" + planId + "\", \"interval\": \"year\"}");
        if (checkout.statusCode() != 201) {
            return;
        }
        String session = JsonParser.parseString(checkout.body())
                .getAsJsonObject()
                .get("id")
                .getAsString();
        stripe.payCheckoutSession(session, "pm_card_visa");
        System.out.printf("[stack] demo billing: %s pays for its %s plan (yearly)%n", slug, planId);
    }

    private void buyMembership(String slug, String email) throws Exception {
        String member = api.memberToken(slug, email);
        String billing = "/t/" + slug + "/api/v1/billing";
        HttpResponse<String> memberships = api.send("GET", billing + "/memberships", member, null);
        if (memberships.statusCode() != 200
                || !JsonParser.parseString(memberships.body())
                        .getAsJsonObject()
                        .getAsJsonArray("items")
                        .isEmpty()) {
            return;
        }
        JsonArray products = JsonParser.parseString(
                        api.send("GET", billing + "/products", member, null).body())
                .getAsJsonObject()
                .getAsJsonArray("items");
        for (JsonElement product : products) {
            JsonObject offered = product.getAsJsonObject();
            if (!"membership".equals(offered.get("kind").getAsString())) {
                continue;
            }
            HttpResponse<String> checkout = api.send(
                    "POST",
                    billing + "/products/" + offered.get("id").getAsString() + "/checkout",
                    member,
                    "{\"interval\": \"month\"}");
            if (checkout.statusCode() == 201) {
                String session = JsonParser.parseString(checkout.body())
                        .getAsJsonObject()
                        .get("id")
                        .getAsString();
                stripe.payCheckoutSession(session, "pm_card_visa");
                System.out.printf(
                        "[stack] demo billing: %s bought %s%n",
                        email, offered.get("name").getAsString());
            }
            return;
        }
    }
}
