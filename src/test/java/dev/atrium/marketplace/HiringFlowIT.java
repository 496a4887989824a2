package dev.atrium.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.LocalStripeControl;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hiring flow end to end against the local Stripe: a job, a proposal, a hire, a milestone paid into escrow,
 * submitted, approved and released with the platform's fee and the tenant's share split off; the money moving only
 * on Stripe's word, a milestone released once, and the three parts of every release adding up to what was paid.
 */
class HiringFlowIT {

    private static Marketplace market;

    @BeforeAll
    static void agency() {
        market = new Marketplace(TestTenants.onboard("agency", "professional", "marketplace", "billing"));
    }

    @Test
    void aFundedMilestoneIsReleasedToTheProfessionalWithTheFeesSplitOffWhenTheClientApproves() {
        Marketplace.Hired hired = market.hired(40_000, 60_000);
        assertEquals("pending", market.milestone(hired, hired.first()).getString("status"));

        JsonObject funding = market.openFunding(hired, hired.first());
        assertTrue(funding.getString("checkoutUrl").contains("/checkout/"), funding::toString);
        assertEquals(
                409,
                hired.professional()
                        .api()
                        .post(market.milestonePath(hired, hired.first()) + "/submissions", "{\"message\": \"x\"}")
                        .status(),
                "no work is submitted before Stripe confirms the payment");
        assertEquals(
                "pending", market.milestone(hired, hired.first()).getString("status"), "not on the browser's word");

        assertEquals(
                200,
                LocalStripeControl.pay(funding.getString("checkoutId"), "pm_card_visa")
                        .status());
        market.awaitMilestone(hired, hired.first(), "funded");
        market.submit(hired, hired.first());
        JsonObject submitted = market.milestone(hired, hired.first());
        assertEquals("submitted", submitted.getString("status"));
        assertNotNull(submitted.getString("releaseDueAt"), "released automatically after the tenant's window");

        Api.Reply approved = hired.client().api().post(market.milestonePath(hired, hired.first()) + "/approve", "");
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("releasing", approved.json().getString("status"));
        JsonObject released = market.awaitMilestone(hired, hired.first(), "released");
        assertEquals(40_000, released.getJsonNumber("releasedAmount").longValue());

        Api.Reply again = hired.client().api().post(market.milestonePath(hired, hired.first()) + "/approve", "");
        assertEquals(409, again.status(), "a milestone is released once: " + again);

        // 5 % platform fee, 10 % tenant share (the defaults), the rest to the professional: 2,000 + 4,000 + 34,000.
        String escrow = funding.getString("escrowId");
        Map<String, Long> lines = Await.until("the transfers in the ledger", Marketplace.WEBHOOK, () -> {
            Map<String, Long> byKind = ledgerOf(escrow);
            return byKind.containsKey("transfer/professional") ? Optional.of(byKind) : Optional.empty();
        });
        assertEquals(40_000L, lines.get("charge/member"));
        assertEquals(-1_190L, lines.get("provider-fee/provider"), "Stripe's 2.9 % + 30 of the local Stripe");
        assertEquals(2_000L, lines.get("platform-fee/platform"));
        assertEquals(4_000L, lines.get("tenant-share/tenant"));
        assertEquals(34_000L, lines.get("professional-share/professional"));
        assertEquals(-34_000L, lines.get("transfer/professional"));
        assertEquals(
                40_000L,
                lines.get("platform-fee/platform")
                        + lines.get("tenant-share/tenant")
                        + lines.get("professional-share/professional"),
                "the split adds up to the charge");
        assertFalse(lines.containsKey("transfer/tenant"), "the tenant has no payout account yet: its share is owed");

        List<com.stripe.model.Transfer> transfers = transfersOf(escrow);
        assertEquals(1, transfers.size());
        assertEquals(34_000L, transfers.get(0).getAmount());

        // The tenant opens its payout account: its share owed so far is paid out.
        market.payoutAccount(market.tenant().admin().api(), "/billing/payout-accounts/tenant");
        Map<String, Long> paid = Await.until("the tenant's share transferred", Marketplace.WEBHOOK, () -> {
            Map<String, Long> byKind = ledgerOf(escrow);
            return byKind.containsKey("transfer/tenant") ? Optional.of(byKind) : Optional.empty();
        });
        assertEquals(-4_000L, paid.get("transfer/tenant"));
        assertEquals(2, transfersOf(escrow).size(), "one transfer each, whatever retried");
    }

    @Test
    void onlyTheJobsClientHiresAndAProfessionalProposesOnceAndNeverOnTheirOwnJob() {
        Member client = TestTenants.invite(market.tenant(), "client");
        Member professional = market.professional("Designer");
        String job = market.job(client, "Logo for the summer fair");
        String proposal = market.propose(professional, job, 30_000);

        Api.Reply twice = professional
                .api()
                .post(
                        market.path("/marketplace/jobs/" + job + "/proposals"),
                        "{\"coverLetter\": \"Again\", \"bid\": 1000, \"answers\": [\"a\"]}");
        assertEquals(409, twice.status(), twice::toString);
        assertTrue(twice.json().getString("type").endsWith("/already-proposed"), twice::toString);

        Member otherClient = TestTenants.invite(market.tenant(), "client");
        assertEquals(
                404,
                otherClient
                        .api()
                        .post(market.path("/marketplace/proposals/" + proposal + "/hire"), "{}")
                        .status(),
                "another client does not even see the proposal");
        assertEquals(
                403,
                professional
                        .api()
                        .post(market.path("/marketplace/proposals/" + proposal + "/hire"), "{}")
                        .status(),
                "nor does the professional");
        assertEquals(
                403,
                market.tenant()
                        .admin()
                        .api()
                        .post(market.path("/marketplace/proposals/" + proposal + "/hire"), "{}")
                        .status(),
                "nor an admin: hiring spends the client's money");

        Member both = TestTenants.invite(market.tenant(), "client");
        Api.Reply roles = market.tenant()
                .admin()
                .api()
                .put(market.path("/members/" + both.id() + "/roles"), "{\"roles\": [\"client\", \"professional\"]}");
        assertEquals(200, roles.status(), roles::toString);
        Api withBoth = Api.withToken(both.freshToken());
        Api.Reply ownJob = withBoth.post(
                market.path("/marketplace/jobs"),
                "{\"title\": \"My own job\", \"description\": \"d\", \"pricing\": \"fixed\","
                        + " \"currency\": \"eur\", \"publish\": true}");
        assertEquals(201, ownJob.status(), ownJob::toString);
        String own = ownJob.json().getString("id");
        Api.Reply onOwn = withBoth.post(
                market.path("/marketplace/jobs/" + own + "/proposals"), "{\"coverLetter\": \"Me\", \"bid\": 1000}");
        assertEquals(403, onOwn.status(), onOwn::toString);
        assertTrue(onOwn.json().getString("type").endsWith("/own-job"), onOwn::toString);

        Api.Reply hired = client.api().post(market.path("/marketplace/proposals/" + proposal + "/hire"), "{}");
        assertEquals(201, hired.status(), hired::toString);
        JsonObject contract = hired.json();
        assertEquals(1, contract.getJsonArray("milestones").size(), "one milestone for the bid by default");
        assertEquals(
                30_000,
                contract.getJsonArray("milestones")
                        .getJsonObject(0)
                        .getJsonNumber("amount")
                        .longValue());
        assertEquals(
                "filled",
                client.api().get(market.path("/marketplace/jobs/" + job)).json().getString("status"));
        assertEquals(
                409,
                client.api()
                        .post(market.path("/marketplace/proposals/" + proposal + "/hire"), "{}")
                        .status(),
                "a proposal is hired once");
    }

    @Test
    void aDisputedMilestoneIsFrozenUntilAnAdminSplitsItAndBothPartsAddUp() {
        Marketplace.Hired hired = market.hired(10_000, 10_000);
        JsonObject funding = market.fund(hired, hired.first());
        market.submit(hired, hired.first());

        Api.Reply opened = hired.client()
                .api()
                .post(
                        market.milestonePath(hired, hired.first()) + "/disputes",
                        "{\"reason\": \"The designs are not what we agreed.\"}");
        assertEquals(201, opened.status(), opened::toString);
        String dispute = opened.json().getString("id");
        assertEquals("disputed", market.milestone(hired, hired.first()).getString("status"));
        assertEquals(
                409,
                hired.client()
                        .api()
                        .post(market.milestonePath(hired, hired.first()) + "/approve", "")
                        .status(),
                "frozen: nothing is released while disputed");
        assertEquals(
                403,
                hired.professional()
                        .api()
                        .post(
                                market.path("/marketplace/disputes/" + dispute + "/decision"),
                                "{\"decision\": \"release\"}")
                        .status());

        Api.Reply badSplit = market.tenant()
                .admin()
                .api()
                .post(
                        market.path("/marketplace/disputes/" + dispute + "/decision"),
                        "{\"decision\": \"split\", \"released\": 10000}");
        assertEquals(400, badSplit.status(), "a split leaves something on each side: " + badSplit);
        Api.Reply decided = market.tenant()
                .admin()
                .api()
                .post(
                        market.path("/marketplace/disputes/" + dispute + "/decision"),
                        "{\"decision\": \"split\", \"released\": 6000, \"note\": \"Half the designs were delivered.\"}");
        assertEquals(200, decided.status(), decided::toString);

        JsonObject settled = Await.until("released and refunded", Marketplace.WEBHOOK, () -> {
            JsonObject read = market.milestone(hired, hired.first());
            return "released".equals(read.getString("status")) && read.containsKey("refundedAmount")
                    ? Optional.of(read)
                    : Optional.empty();
        });
        assertEquals(6_000, settled.getJsonNumber("releasedAmount").longValue());
        assertEquals(4_000, settled.getJsonNumber("refundedAmount").longValue());
        Map<String, Long> lines = Await.until("the refund in the ledger", Marketplace.WEBHOOK, () -> {
            Map<String, Long> byKind = ledgerOf(funding.getString("escrowId"));
            return byKind.containsKey("refund/member") ? Optional.of(byKind) : Optional.empty();
        });
        assertEquals(-4_000L, lines.get("refund/member"));
        assertEquals(
                10_000L,
                lines.get("platform-fee/platform")
                        + lines.get("tenant-share/tenant")
                        + lines.get("professional-share/professional")
                        - lines.get("refund/member"),
                "released parts and the refund add up to the charge");
    }

    @Test
    void aProfessionalCanGiveTheClientsMoneyBack() {
        Marketplace.Hired hired = market.hired(5_000, 5_000);
        market.fund(hired, hired.second());
        assertEquals(
                403,
                hired.client()
                        .api()
                        .post(market.milestonePath(hired, hired.second()) + "/refund", "")
                        .status(),
                "the client cannot take the money back on their own");

        Api.Reply refunded =
                hired.professional().api().post(market.milestonePath(hired, hired.second()) + "/refund", "");
        assertEquals(200, refunded.status(), refunded::toString);
        JsonObject done = market.awaitMilestone(hired, hired.second(), "refunded");
        assertEquals(5_000, done.getJsonNumber("refundedAmount").longValue());
        assertFalse(done.containsKey("releasedAmount"));
    }

    @Test
    void aContractEndsOnlyOnceNoMoneyIsHeldInIt() {
        Marketplace.Hired hired = market.hired(2_000, 3_000);
        market.fund(hired, hired.first());
        Api.Reply refused = hired.professional()
                .api()
                .post(market.path("/marketplace/contracts/" + hired.contract() + "/end"), "{\"reason\": \"Done\"}");
        assertEquals(409, refused.status(), refused::toString);

        market.submit(hired, hired.first());
        hired.client().api().post(market.milestonePath(hired, hired.first()) + "/approve", "");
        market.awaitMilestone(hired, hired.first(), "released");
        Api.Reply ended = hired.client()
                .api()
                .post(market.path("/marketplace/contracts/" + hired.contract() + "/end"), "{\"reason\": \"Done\"}");
        assertEquals(200, ended.status(), ended::toString);
        assertEquals("ended", ended.json().getString("status"));
        assertEquals(
                "cancelled",
                ended.json().getJsonArray("milestones").getJsonObject(1).getString("status"));
        JsonObject profile = hired.client()
                .api()
                .get(market.path("/marketplace/profiles/" + hired.professional().id()))
                .json();
        assertEquals(
                1.0, profile.getJsonObject("facts").getJsonNumber("onTimeRate").doubleValue());
        assertEquals(1, profile.getJsonObject("facts").getInt("completedContracts"));
    }

    /** The escrow's ledger lines, summed by kind and party ({@code transfer/tenant}). */
    static Map<String, Long> ledgerOf(String escrow) {
        return ledgerOf(market, escrow);
    }

    /** The escrow's ledger lines in the market's tenant, summed by kind and party. */
    static Map<String, Long> ledgerOf(Marketplace market, String escrow) {
        Api.Reply ledger = market.tenant().admin().api().get(market.path("/billing/ledger?size=100"));
        assertEquals(200, ledger.status(), ledger::toString);
        Map<String, Long> byKind = new HashMap<>();
        ledger.json().getJsonArray("lines").stream()
                .map(JsonValue::asJsonObject)
                .filter(line -> escrow.equals(line.getString("sourceId", null)))
                .forEach(line -> byKind.merge(
                        line.getString("kind") + "/" + line.getString("party"),
                        line.getJsonNumber("amount").longValue(),
                        Long::sum));
        return byKind;
    }

    static List<com.stripe.model.Transfer> transfersOf(String escrow) {
        try {
            return LocalStripeControl.client()
                    .transfers()
                    .list(com.stripe.param.TransferListParams.builder()
                            .setTransferGroup("escrow-" + escrow)
                            .build())
                    .getData();
        } catch (com.stripe.exception.StripeException failed) {
            throw new IllegalStateException(failed);
        }
    }

    static String ids(List<JsonObject> objects) {
        return objects.stream().map(o -> o.getString("id")).collect(Collectors.joining(","));
    }
}
