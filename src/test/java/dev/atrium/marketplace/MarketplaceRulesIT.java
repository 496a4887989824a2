package dev.atrium.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.LocalStripeControl;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TimeTravel;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The marketplace's rules beyond the happy path: submitted work released when the client stays silent, members who
 * leave, the monthly proposal allowance, a chargeback on escrowed money, bad input, and tenants kept apart.
 */
class MarketplaceRulesIT {

    private static Marketplace market;

    @BeforeAll
    static void marketplace() {
        market = new Marketplace(TestTenants.onboard("rules", "professional", "marketplace", "billing"));
    }

    @Test
    void submittedWorkIsReleasedAutomaticallyWhenTheClientDoesNotAnswerInTime() {
        Marketplace.Hired hired = market.hired(3_000, 3_000);
        market.fund(hired, hired.first());
        market.submit(hired, hired.first());

        // The tenant's window (14 days by default) passes for this milestone.
        assertEquals(
                1,
                TimeTravel.inTenant(
                        market.tenant().slug(),
                        "update marketplace_milestone set release_due_at = now() - interval '1 second' where id = ?",
                        UUID.fromString(hired.first())));
        assertEquals(1, TimeTravel.jobsDueNow("marketplace.auto-release", "milestone-" + hired.first()));

        JsonObject released = market.awaitMilestone(hired, hired.first(), "released");
        assertEquals(3_000, released.getJsonNumber("releasedAmount").longValue());
        JsonObject submission = hired.client()
                .api()
                .get(market.milestonePath(hired, hired.first()) + "/submissions")
                .body()
                .transform(body -> jakarta.json.Json.createReader(new java.io.StringReader(body))
                        .readArray())
                .getJsonObject(0);
        assertEquals("auto_approved", submission.getString("answer"));
    }

    @Test
    void anAnsweredSubmissionIsNotReleasedWhenItsOldWindowEnds() {
        Marketplace.Hired hired = market.hired(3_000, 3_000);
        market.fund(hired, hired.first());
        market.submit(hired, hired.first());
        Api.Reply changes = hired.client()
                .api()
                .post(market.milestonePath(hired, hired.first()) + "/request-changes", "{\"note\": \"Bigger logo\"}");
        assertEquals(200, changes.status(), changes::toString);

        TimeTravel.jobsDueNow("marketplace.auto-release", "milestone-" + hired.first());
        // The job ran (it is gone from the schedule) and left the milestone as the client's answer put it.
        Await.until(
                "the auto-release job done",
                Marketplace.WEBHOOK,
                () -> TimeTravel.jobsDueNow("marketplace.auto-release", "milestone-" + hired.first()) == 0
                        ? Optional.of(true)
                        : Optional.empty());
        assertEquals("funded", market.milestone(hired, hired.first()).getString("status"));
    }

    @Test
    void aMemberWhoLeavesHasTheirProposalsWithdrawnAndTheirContractsGoToTheAdmins() {
        Member client = TestTenants.invite(market.tenant(), "client");
        Member leaving = market.professional("Leaving soon");
        String job = market.job(client, "Website audit");
        String proposal = market.propose(leaving, job, 9_000);
        Marketplace.Hired hired = market.hired(4_000, 4_000);
        market.fund(hired, hired.first());

        Api admin = market.tenant().admin().api();
        assertEquals(204, admin.delete(market.path("/members/" + leaving.id())).status());
        assertEquals(
                204,
                admin.delete(market.path("/members/" + hired.client().id())).status());

        Api.Reply withdrawn = client.api().get(market.path("/marketplace/proposals/" + proposal));
        assertEquals("withdrawn", withdrawn.json().getString("status"), withdrawn::toString);
        assertEquals(
                404,
                client.api()
                        .get(market.path("/marketplace/profiles/" + leaving.id()))
                        .status());

        JsonObject needing = admin.get(market.path("/marketplace/contracts?needingAdmin=true"))
                .json();
        assertTrue(
                needing.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .anyMatch(c -> c.getString("id").equals(hired.contract()) && c.getBoolean("needsAdmin")),
                needing::toString);
        market.submit(hired, hired.first());
        Api.Reply approved = admin.post(market.milestonePath(hired, hired.first()) + "/approve", "");
        assertEquals(200, approved.status(), "an admin answers for the client who left: " + approved);
        Await.until(
                "released",
                Marketplace.WEBHOOK,
                () -> "released"
                                .equals(admin.get(market.path("/marketplace/contracts/" + hired.contract()))
                                        .json()
                                        .getJsonArray("milestones")
                                        .getJsonObject(0)
                                        .getString("status"))
                        ? Optional.of(true)
                        : Optional.empty());
    }

    @Test
    void aProfessionalSendsNoMoreProposalsThanTheMonthlyAllowance() {
        Member client = TestTenants.invite(market.tenant(), "client");
        Member professional = market.professional("Busy bee");
        Api admin = market.tenant().admin().api();
        String etag =
                admin.get(market.path("/marketplace/settings")).header("ETag").orElseThrow();
        assertEquals(
                200,
                admin.withHeader("If-Match", etag)
                        .patch(market.path("/marketplace/settings"), "{\"monthlyProposals\": 1}")
                        .status());
        try {
            market.propose(professional, market.job(client, "First job"), 1_000);
            Api.Reply second = professional
                    .api()
                    .post(
                            market.path("/marketplace/jobs/" + market.job(client, "Second job") + "/proposals"),
                            "{\"coverLetter\": \"Me again\", \"bid\": 1000, \"answers\": [\"a\"]}");
            assertEquals(429, second.status(), second::toString);
            assertTrue(second.json().getString("type").endsWith("/proposal-allowance"));
            assertTrue(second.header("Retry-After").isPresent(), second::toString);
            JsonObject allowance = professional
                    .api()
                    .get(market.path("/marketplace/proposals/allowance"))
                    .json();
            assertEquals(1, allowance.getInt("used"));
            assertEquals(1, allowance.getInt("allowance"));
            assertFalse(allowance.getBoolean("premium"));
        } finally {
            String now = admin.get(market.path("/marketplace/settings"))
                    .header("ETag")
                    .orElseThrow();
            admin.withHeader("If-Match", now).patch(market.path("/marketplace/settings"), "{\"monthlyProposals\": 30}");
        }
    }

    @Test
    void aChargebackFreezesEscrowedMoneyAndALostOneEndsTheMilestone() throws Exception {
        Marketplace.Hired hired = market.hired(7_000, 7_000);
        JsonObject funding = market.fund(hired, hired.first());
        market.submit(hired, hired.first());
        String paymentIntent = LocalStripeControl.client()
                .checkout()
                .sessions()
                .retrieve(funding.getString("checkoutId"))
                .getPaymentIntent();
        String charge = LocalStripeControl.client()
                .paymentIntents()
                .retrieve(paymentIntent)
                .getLatestCharge();
        LocalStripeControl.Answer dispute = LocalStripeControl.dispute(charge);
        assertEquals(200, dispute.status(), dispute::toString);

        Await.until(
                "the chargeback recorded",
                Marketplace.WEBHOOK,
                () -> HiringFlowIT.ledgerOf(market, funding.getString("escrowId"))
                                .containsKey("dispute/member")
                        ? Optional.of(true)
                        : Optional.empty());
        Api.Reply frozen = hired.client().api().post(market.milestonePath(hired, hired.first()) + "/approve", "");
        assertEquals(409, frozen.status(), frozen::toString);
        assertTrue(frozen.json().getString("type").endsWith("/escrow-disputed"), frozen::toString);
        assertEquals("submitted", market.milestone(hired, hired.first()).getString("status"), "nothing moved");

        assertEquals(
                200,
                LocalStripeControl.resolveDispute(dispute.body().getString("id"), "lost")
                        .status());
        JsonObject ended = market.awaitMilestone(hired, hired.first(), "refunded");
        assertEquals(7_000, ended.getJsonNumber("refundedAmount").longValue());
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        Member client = TestTenants.invite(market.tenant(), "client");
        Api api = client.api();
        String jobs = market.path("/marketplace/jobs");
        assertBad(api.post(
                jobs, "{\"title\": \"x\", \"description\": \"y\", \"pricing\": \"barter\", \"currency\": \"eur\"}"));
        assertBad(api.post(
                jobs, "{\"title\": \"x\", \"description\": \"y\", \"pricing\": \"fixed\", \"currency\": \"EURO\"}"));
        assertBad(api.post(
                jobs,
                "{\"title\": \"x\", \"description\": \"y\", \"pricing\": \"fixed\", \"currency\": \"eur\","
                        + " \"budgetMin\": -5}"));
        assertBad(api.post(
                jobs,
                "{\"title\": \"x\", \"description\": \"y\", \"pricing\": \"fixed\", \"currency\": \"eur\","
                        + " \"budgetMin\": 500, \"budgetMax\": 100}"));
        assertBad(api.post(
                jobs,
                "{\"title\": \"x\", \"description\": \"y\", \"pricing\": \"fixed\", \"currency\": \"eur\","
                        + " \"category\": \"alchemy\"}"));
        assertBad(api.post(jobs, "{\"description\": \"y\", \"pricing\": \"fixed\", \"currency\": \"eur\"}"));
        assertBad(api.post(jobs, "{\"title\": "));

        String job = market.job(client, "Valid job");
        Member professional = market.professional("Careful");
        String proposals = market.path("/marketplace/jobs/" + job + "/proposals");
        assertBad(professional.api().post(proposals, "{\"coverLetter\": \"x\", \"bid\": 0, \"answers\": [\"a\"]}"));
        assertBad(professional.api().post(proposals, "{\"coverLetter\": \"x\", \"bid\": 100}"));
        String proposal = market.propose(professional, job, 10_000);
        assertBad(api.post(
                market.path("/marketplace/proposals/" + proposal + "/hire"),
                "{\"milestones\": [{\"title\": \"M\", \"amount\": -1}]}"));
        assertEquals(
                404,
                api.get(market.path("/marketplace/contracts/" + UUID.randomUUID()))
                        .status());
        assertBad(api.get(market.path("/marketplace/jobs/not-a-uuid")));
    }

    @Test
    void aClientOfOneTenantNeverSeesAnotherTenantsProfessionalsOrJobs() {
        Member theirs = market.professional("Only in rules");
        String theirJob = market.job(TestTenants.invite(market.tenant(), "client"), "Only in rules");
        Marketplace other =
                new Marketplace(TestTenants.onboard("rules-other", "professional", "marketplace", "billing"));
        Member client = TestTenants.invite(other.tenant(), "client");

        assertEquals(
                404,
                client.api()
                        .get(other.path("/marketplace/profiles/" + theirs.id()))
                        .status());
        assertEquals(
                404,
                client.api().get(other.path("/marketplace/jobs/" + theirJob)).status());
        assertEquals(
                0,
                client.api()
                        .get(other.path("/marketplace/profiles?q=rules"))
                        .json()
                        .getInt("total"));
        assertEquals(
                403,
                client.api()
                        .get(market.path("/marketplace/profiles/" + theirs.id()))
                        .status(),
                "a token for another tenant is refused");
    }

    private static void assertBad(Api.Reply reply) {
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
    }
}
