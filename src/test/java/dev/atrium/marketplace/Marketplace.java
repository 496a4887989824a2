package dev.atrium.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.LocalStripeControl;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * The steps of the hiring flow as a tenant's members take them over HTTP, for the marketplace's tests: professionals
 * with profiles and payout accounts, jobs, proposals, hires, milestones paid through the local Stripe.
 */
final class Marketplace {

    static final Duration WEBHOOK = Duration.ofSeconds(20);

    private final Tenant tenant;

    Marketplace(Tenant tenant) {
        this.tenant = tenant;
    }

    Tenant tenant() {
        return tenant;
    }

    String path(String apiPath) {
        return tenant.path(apiPath);
    }

    /** A professional with a profile in software development and a payout account that can receive transfers. */
    Member professional(String headline) {
        Member professional = TestTenants.invite(tenant, "professional");
        Api.Reply profile = professional.api().put(path("/marketplace/profiles/me"), """
                        {"headline": "%s", "bio": "Builds web shops and APIs.", "hourlyRate": 6000,
                         "currency": "eur", "timeZone": "Europe/Berlin", "languages": ["en", "de"],
                         "skills": ["java", "web-development"]}
                        """.formatted(headline));
        assertEquals(200, profile.status(), profile::toString);
        payoutAccount(professional.api(), "/billing/payout-accounts/me");
        return professional;
    }

    /** Opens and completes a payout account's onboarding, and waits until it is ready. */
    void payoutAccount(Api api, String account) {
        Api.Reply opened = api.post(path(account), "{\"country\": \"DE\"}");
        assertEquals(200, opened.status(), opened::toString);
        assertEquals(
                200,
                LocalStripeControl.onboard(opened.json().getString("accountId")).status());
        Await.until("the payout account ready", WEBHOOK, () -> {
            Api.Reply read = api.get(path(account));
            return read.status() == 200 && read.json().getBoolean("ready") ? Optional.of(true) : Optional.empty();
        });
    }

    /** An open fixed-price job of the client's. */
    String job(Member client, String title) {
        Api.Reply job = client.api().post(path("/marketplace/jobs"), """
                        {"title": "%s", "description": "An online shop for our school's merchandise.",
                         "category": "software-development", "skills": ["web-development", "e-commerce"],
                         "pricing": "fixed", "currency": "eur", "budgetMin": 50000, "budgetMax": 150000,
                         "questions": ["Which shop systems have you used?"], "publish": true}
                        """.formatted(title));
        assertEquals(201, job.status(), job::toString);
        return job.json().getString("id");
    }

    String propose(Member professional, String job, long bid) {
        Api.Reply proposal =
                professional.api().post(path("/marketplace/jobs/" + job + "/proposals"), """
                        {"coverLetter": "I have built a dozen shops.", "bid": %d, "estimatedDays": 20,
                         "answers": ["Shopify and WooCommerce"]}
                        """.formatted(bid));
        assertEquals(201, proposal.status(), proposal::toString);
        return proposal.json().getString("id");
    }

    /** Hires the proposal with two milestones (the amounts given); answers the contract. */
    JsonObject hire(Member client, String proposal, long first, long second) {
        Api.Reply contract =
                client.api().post(path("/marketplace/proposals/" + proposal + "/hire"), """
                        {"milestones": [{"title": "Design", "amount": %d, "dueDate": "2099-01-31"},
                                        {"title": "Build", "amount": %d}]}
                        """.formatted(first, second));
        assertEquals(201, contract.status(), contract::toString);
        return contract.json();
    }

    /** A contract hired from a fresh job and proposal: client, professional, contract. */
    record Hired(Member client, Member professional, String contract, String first, String second) {}

    Hired hired(long first, long second) {
        Member client = TestTenants.invite(tenant, "client");
        Member professional = professional("Shop builder");
        String proposal = propose(professional, job(client, "School shop"), first + second);
        JsonObject contract = hire(client, proposal, first, second);
        return new Hired(
                client,
                professional,
                contract.getString("id"),
                contract.getJsonArray("milestones").getJsonObject(0).getString("id"),
                contract.getJsonArray("milestones").getJsonObject(1).getString("id"));
    }

    String milestonePath(Hired hired, String milestone) {
        return path("/marketplace/contracts/" + hired.contract() + "/milestones/" + milestone);
    }

    /** Opens the milestone's funding: the Checkout session to pay. */
    JsonObject openFunding(Hired hired, String milestone) {
        Api.Reply funding = hired.client().api().post(milestonePath(hired, milestone) + "/fund", "{}");
        assertEquals(200, funding.status(), funding::toString);
        return funding.json();
    }

    /** Funds the milestone as the client would (Checkout paid with a card) and waits until it is funded. */
    JsonObject fund(Hired hired, String milestone) {
        JsonObject funding = openFunding(hired, milestone);
        LocalStripeControl.Answer paid = LocalStripeControl.pay(funding.getString("checkoutId"), "pm_card_visa");
        assertEquals(200, paid.status(), paid::toString);
        awaitMilestone(hired, milestone, "funded");
        return funding;
    }

    JsonObject milestone(Hired hired, String milestone) {
        Api.Reply contract = hired.client().api().get(path("/marketplace/contracts/" + hired.contract()));
        assertEquals(200, contract.status(), contract::toString);
        return contract.json().getJsonArray("milestones").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("id").equals(milestone))
                .findFirst()
                .orElseThrow();
    }

    JsonObject awaitMilestone(Hired hired, String milestone, String status) {
        return Await.until("milestone " + status, WEBHOOK, () -> {
            JsonObject read = milestone(hired, milestone);
            return status.equals(read.getString("status")) ? Optional.of(read) : Optional.empty();
        });
    }

    void submit(Hired hired, String milestone) {
        Api.Reply submitted = hired.professional()
                .api()
                .post(milestonePath(hired, milestone) + "/submissions", "{\"message\": \"The designs are attached.\"}");
        assertEquals(201, submitted.status(), submitted::toString);
    }
}
