package dev.atrium.stack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.atrium.stack.stripe.LocalStripe;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The demo tenants' money, made the way a newcomer would make it by hand: the operator sells each demo tenant its plan
 * and the local Stripe's buyer pays it with a test card; Pat, the sample professional of a tenant that sells, buys
 * its premium membership. Only in development, once (the state is kept between runs); what is there already is left.
 */
final class DemoBilling {

    private static final List<String> TENANTS = List.of("brightside", "northfield", "makers");
    private static final String SAMPLE_PASSWORD = "atrium-demo";

    private final StackProfile profile;
    private final String keycloakUrl;
    private final LocalStripe stripe;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoBilling(StackProfile profile, String keycloakUrl, LocalStripe stripe) {
        this.profile = profile;
        this.keycloakUrl = keycloakUrl;
        this.stripe = stripe;
    }

    /** Pays what is not paid yet; a failure is reported and leaves the rest of the stack running. */
    void makeDemoPurchases() {
        try {
            String operator = token("atrium-cli", StackProfile.OPERATOR_USERNAME, profile.operatorPassword());
            for (String slug : TENANTS) {
                payPlan(operator, slug);
            }
            buyMembership("brightside", "pat@brightside.example");
        } catch (Exception failed) {
            System.out.println("[stack] demo billing: not made (" + failed.getMessage() + ")");
        }
    }

    private void payPlan(String operator, String slug) throws Exception {
        String base = "/api/v1/platform/tenants/" + slug + "/billing/plan";
        HttpResponse<String> standing = send("GET", base, operator, null);
        if (standing.statusCode() != 200) {
            return;
        }
        JsonObject plan = JsonParser.parseString(standing.body()).getAsJsonObject();
        if (!"none".equals(plan.get("standing").getAsString())) {
            return;
        }
        String planId = plan.get("plan").getAsString();
        HttpResponse<String> checkout =
                send("POST", base + "/checkout", operator, "{\"plan\": \"" + planId + "\", \"interval\": \"year\"}");
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
        String member = token("tenant-" + slug, email, SAMPLE_PASSWORD);
        String api = "/t/" + slug + "/api/v1/billing";
        HttpResponse<String> memberships = send("GET", api + "/memberships", member, null);
        if (memberships.statusCode() != 200
                || !JsonParser.parseString(memberships.body())
                        .getAsJsonObject()
                        .getAsJsonArray("items")
                        .isEmpty()) {
            return;
        }
        JsonArray products = JsonParser.parseString(
                        send("GET", api + "/products", member, null).body())
                .getAsJsonObject()
                .getAsJsonArray("items");
        for (JsonElement product : products) {
            JsonObject offered = product.getAsJsonObject();
            if (!"membership".equals(offered.get("kind").getAsString())) {
                continue;
            }
            HttpResponse<String> checkout = send(
                    "POST",
                    api + "/products/" + offered.get("id").getAsString() + "/checkout",
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

    private String token(String client, String username, String password) throws Exception {
        String form = "grant_type=password&client_id=" + encode(client) + "&username=" + encode(username) + "&password="
                + encode(password);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/atrium/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("no token for " + username + " (" + response.statusCode() + ")");
        }
        return JsonParser.parseString(response.body())
                .getAsJsonObject()
                .get("access_token")
                .getAsString();
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(profile.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
