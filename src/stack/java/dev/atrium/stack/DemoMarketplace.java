package dev.atrium.stack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.atrium.stack.stripe.LocalStripe;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The demo agency's marketplace money, made by hand the way its people would: Pat and Lena open their payout
 * accounts; Chris pays the first milestone of Pat's shop into escrow with a test card, Pat hands in the work, Chris
 * approves it and it is released; Chris funds the second milestone (it stays in escrow while Pat works); Chris pays
 * Lena's logo, approves it and ends that contract, and both review it. Only in development, once (what is done already is left).
 */
final class DemoMarketplace {

    private static final String SLUG = "brightside";
    private static final String API = "/t/" + SLUG + "/api/v1";
    private static final Duration WEBHOOKS = Duration.ofSeconds(30);

    private final DemoApi api;
    private final LocalStripe stripe;

    DemoMarketplace(DemoApi api, LocalStripe stripe) {
        this.api = api;
        this.stripe = stripe;
    }

    /** Makes what is not made yet; a failure is reported and leaves the rest of the stack running. */
    void makeDemoWork() {
        try {
            String chris = api.memberToken(SLUG, "chris@" + SLUG + ".example");
            String pat = api.memberToken(SLUG, "pat@" + SLUG + ".example");
            String lena = api.memberToken(SLUG, "lena@" + SLUG + ".example");
            payoutAccount(pat, "Pat");
            payoutAccount(lena, "Lena");
            for (JsonElement element : items(get("/marketplace/contracts", chris))) {
                JsonObject contract = element.getAsJsonObject();
                String professional = contract.get("professionalId").getAsString();
                JsonObject profile = JsonParser.parseString(
                                api.send("GET", API + "/marketplace/profiles/" + professional, chris, null)
                                        .body())
                        .getAsJsonObject();
                String name = profile.get("displayName").getAsString();
                String worker = name.startsWith("Pat") ? pat : lena;
                var milestones = contract.getAsJsonArray("milestones");
                release(contract, milestones.get(0).getAsJsonObject(), chris, worker, name);
                if (milestones.size() > 1) {
                    fund(contract, milestones.get(1).getAsJsonObject(), chris);
                    System.out.printf(
                            "[stack] demo marketplace: \"%s\" of %s's contract is funded and in progress%n",
                            milestones.get(1).getAsJsonObject().get("title").getAsString(), name);
                } else if ("active".equals(contract.get("status").getAsString())) {
                    api.send(
                            "POST",
                            API + "/marketplace/contracts/" + id(contract) + "/end",
                            chris,
                            "{\"reason\": \"Delivered and paid.\"}");
                    System.out.printf("[stack] demo marketplace: Chris ended %s's contract%n", name);
                    review(contract, chris, worker, name);
                }
            }
        } catch (Exception failed) {
            System.out.println("[stack] demo marketplace: not made (" + failed + ")");
        }
    }

    /** Both parties review the ended contract; the reviews are published once both are written (double-blind). */
    private void review(JsonObject contract, String client, String professional, String name) throws Exception {
        HttpResponse<String> byClient = api.send(
                "POST",
                API + "/marketplace/reviews",
                client,
                ("{\"contractId\": \"%s\", \"overall\": 5, \"ratings\": {\"quality\": 5, \"communication\": 5,"
                                + " \"expertise\": 5, \"deadlines\": 4, \"value\": 5}, \"text\": \"Lovely logo, quick"
                                + " rounds of changes.\", \"privateFeedback\": {\"score\": 9, \"wouldHireAgain\": true}}")
                        .formatted(id(contract)));
        HttpResponse<String> byProfessional = api.send(
                "POST",
                API + "/marketplace/reviews",
                professional,
                ("{\"contractId\": \"%s\", \"overall\": 5, \"ratings\": {\"clarity\": 5, \"communication\": 5,"
                                + " \"payment_promptness\": 5}, \"text\": \"Clear brief, paid at once.\"}")
                        .formatted(id(contract)));
        if (byClient.statusCode() != 201 || byProfessional.statusCode() != 201) {
            throw new IOException("reviews refused (" + byClient.statusCode() + ", " + byProfessional.statusCode()
                    + ": " + byClient.body() + ")");
        }
        System.out.printf("[stack] demo marketplace: Chris and %s reviewed each other (published)%n", name);
    }

    private void payoutAccount(String token, String who) throws Exception {
        HttpResponse<String> account = api.send("GET", API + "/billing/payout-accounts/me", token, null);
        if (account.statusCode() == 200
                && JsonParser.parseString(account.body())
                        .getAsJsonObject()
                        .get("ready")
                        .getAsBoolean()) {
            return;
        }
        HttpResponse<String> opened =
                api.send("POST", API + "/billing/payout-accounts/me", token, "{\"country\": \"DE\"}");
        if (opened.statusCode() != 200) {
            throw new IOException("no payout account for " + who + " (" + opened.statusCode() + ")");
        }
        stripe.completeOnboarding(JsonParser.parseString(opened.body())
                .getAsJsonObject()
                .get("accountId")
                .getAsString());
        System.out.printf("[stack] demo marketplace: %s opened a payout account%n", who);
    }

    /** Funds, submits, approves a milestone and waits until its money reached the professional. */
    private void release(JsonObject contract, JsonObject milestone, String client, String professional, String name)
            throws Exception {
        if (!"pending".equals(milestone.get("status").getAsString())) {
            return;
        }
        fund(contract, milestone, client);
        String path = milestonePath(contract, milestone);
        api.send("POST", path + "/submissions", professional, "{\"message\": \"Here is the work for review.\"}");
        api.send("POST", path + "/approve", client, null);
        await(contract, milestone, client, "released");
        System.out.printf(
                "[stack] demo marketplace: Chris paid %s for \"%s\" (released from escrow)%n",
                name, milestone.get("title").getAsString());
    }

    private void fund(JsonObject contract, JsonObject milestone, String client) throws Exception {
        if (!"pending".equals(milestone.get("status").getAsString())) {
            return;
        }
        HttpResponse<String> funding = api.send("POST", milestonePath(contract, milestone) + "/fund", client, "{}");
        if (funding.statusCode() != 200) {
            throw new IOException("funding refused (" + funding.statusCode() + ": " + funding.body() + ")");
        }
        stripe.payCheckoutSession(
                JsonParser.parseString(funding.body())
                        .getAsJsonObject()
                        .get("checkoutId")
                        .getAsString(),
                "pm_card_visa");
        await(contract, milestone, client, "funded");
    }

    private void await(JsonObject contract, JsonObject milestone, String client, String status) throws Exception {
        long deadline = System.nanoTime() + WEBHOOKS.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject read = JsonParser.parseString(
                            api.send("GET", API + "/marketplace/contracts/" + id(contract), client, null)
                                    .body())
                    .getAsJsonObject();
            for (JsonElement each : read.getAsJsonArray("milestones")) {
                JsonObject current = each.getAsJsonObject();
                if (id(current).equals(id(milestone))
                        && status.equals(current.get("status").getAsString())) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IOException("milestone " + milestone.get("title").getAsString() + " not " + status + " in time");
    }

    private com.google.gson.JsonArray items(JsonObject page) {
        return page.getAsJsonArray("items");
    }

    private JsonObject get(String path, String token) throws Exception {
        return JsonParser.parseString(api.send("GET", API + path, token, null).body())
                .getAsJsonObject();
    }

    private static String milestonePath(JsonObject contract, JsonObject milestone) {
        return API + "/marketplace/contracts/" + id(contract) + "/milestones/" + id(milestone);
    }

    private static String id(JsonObject object) {
        return object.get("id").getAsString();
    }
}
