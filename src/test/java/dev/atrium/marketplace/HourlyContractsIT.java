package dev.atrium.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.EndpointMatrix;
import dev.atrium.testing.LocalStripeControl;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hourly contracts end to end: hired on an hourly job with a weekly limit, time logged within the limit and refused
 * beyond it, a week submitted (its entries frozen) and approved by the client, which makes a milestone for minutes ×
 * rate; the client funds it through the local Stripe and it is released to the professional at once. Disputed weeks
 * move no money until an admin decides; only the professional logs, only the client approves; another tenant sees
 * nothing; bad input is a 400.
 */
class HourlyContractsIT {

    /** The professionals' time zone (their profile's): the server decides "today" there. */
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Marketplace market;

    @BeforeAll
    static void agency() {
        market = new Marketplace(
                TestTenants.onboard("hourly", "professional", "marketplace", "billing", "notifications"));
    }

    /** A client, a professional and their hourly contract at 60.00 an hour, 20 hours a week. */
    private record Hourly(Member client, Member professional, String contract) {

        String path(String rest) {
            return market.path("/marketplace/contracts/" + contract + "/timesheets" + rest);
        }
    }

    private static Hourly hourly(int weeklyLimitHours) {
        Member client = TestTenants.invite(market.tenant(), "client");
        Member professional = market.professional("Shop maintainer");
        String proposal = market.propose(professional, market.hourlyJob(client, "Shop upkeep"), 6_000);
        JsonObject contract = market.hireByTheHour(client, proposal, weeklyLimitHours);
        return new Hourly(client, professional, contract.getString("id"));
    }

    private static LocalDate today() {
        return LocalDate.now(BERLIN);
    }

    private static String thisWeek() {
        LocalDate today = today();
        return String.format(
                "%04d-W%02d", today.get(IsoFields.WEEK_BASED_YEAR), today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static Api.Reply log(Hourly hourly, Member who, LocalDate date, int minutes) {
        return who.api().post(hourly.path("/entries"), """
                        {"date": "%s", "minutes": %d, "description": "Checkout pages"}
                        """.formatted(date, minutes));
    }

    private static String logged(Hourly hourly, int minutes) {
        Api.Reply entry = log(hourly, hourly.professional(), today(), minutes);
        assertEquals(201, entry.status(), entry::toString);
        return entry.json().getString("id");
    }

    private static JsonObject submitted(Hourly hourly) {
        Api.Reply submitted = hourly.professional().api().post(hourly.path("/" + thisWeek() + "/submit"), "");
        assertEquals(200, submitted.status(), submitted::toString);
        assertEquals("submitted", submitted.json().getString("status"));
        return submitted.json();
    }

    @Test
    void anApprovedWeekIsPaidAsAMilestoneForMinutesTimesRateReleasedAsSoonAsTheClientFundsIt() {
        Hourly hourly = hourly(20);
        JsonObject contract = hourly.client()
                .api()
                .get(market.path("/marketplace/contracts/" + hourly.contract()))
                .json();
        assertEquals("hourly", contract.getString("pricing"));
        assertEquals(6_000, contract.getJsonNumber("hourlyRate").longValue(), "the proposal's bid, per hour");
        assertEquals(20, contract.getInt("weeklyLimitHours"));
        assertTrue(contract.getJsonArray("milestones").isEmpty(), "paid by the week, not in planned milestones");

        String first = logged(hourly, 450);
        logged(hourly, 300);
        Api.Reply beyond = log(hourly, hourly.professional(), today(), 451);
        assertEquals(409, beyond.status(), beyond::toString);
        assertTrue(beyond.json().getString("type").endsWith("/weekly-limit"), beyond::toString);
        assertTrue(beyond.json().getString("detail").contains("7 h 30 min left"), beyond::toString);

        JsonObject week =
                hourly.client().api().get(hourly.path("/" + thisWeek())).json();
        assertEquals("open", week.getString("status"));
        assertEquals(750, week.getInt("minutes"));
        assertEquals(450, week.getInt("minutesLeft"));
        assertEquals(75_000, week.getJsonNumber("amount").longValue(), "12.5 h at 60.00");
        assertEquals(2, week.getJsonArray("entries").size());

        submitted(hourly);
        Api.Reply frozen = log(hourly, hourly.professional(), today(), 30);
        assertEquals(409, frozen.status(), frozen::toString);
        assertTrue(frozen.json().getString("type").endsWith("/week-frozen"), frozen::toString);
        assertEquals(
                409,
                hourly.professional()
                        .api()
                        .patch(hourly.path("/entries/" + first), "{\"minutes\": 60}")
                        .status(),
                "a submitted week's entries do not change");
        assertEquals(
                409,
                hourly.professional()
                        .api()
                        .delete(hourly.path("/entries/" + first))
                        .status());
        awaitNotification(hourly.client(), "marketplace.week-submitted");

        Api.Reply approved = hourly.client().api().post(hourly.path("/" + thisWeek() + "/approve"), "");
        assertEquals(200, approved.status(), approved::toString);
        assertEquals("approved", approved.json().getString("status"));
        String milestone = approved.json().getString("milestoneId");
        assertEquals("pending", approved.json().getString("milestoneStatus"));
        assertEquals(
                409,
                hourly.client()
                        .api()
                        .post(hourly.path("/" + thisWeek() + "/approve"), "")
                        .status(),
                "a week is approved once");
        awaitNotification(hourly.professional(), "marketplace.week-approved");

        Marketplace.Hired hired =
                new Marketplace.Hired(hourly.client(), hourly.professional(), hourly.contract(), milestone, null);
        JsonObject pending = market.milestone(hired, milestone);
        assertEquals("Week " + thisWeek() + ", 12 h 30 min", pending.getString("title"));
        assertEquals(75_000, pending.getJsonNumber("amount").longValue());
        assertEquals(
                409,
                hourly.client()
                        .api()
                        .withHeader("If-Match", "*")
                        .patch(market.milestonePath(hired, milestone), "{\"amount\": 1000}")
                        .status(),
                "approved hours are not renegotiated");

        JsonObject funding = market.openFunding(hired, milestone);
        LocalStripeControl.Answer paid = LocalStripeControl.pay(funding.getString("checkoutId"), "pm_card_visa");
        assertEquals(200, paid.status(), paid::toString);
        JsonObject released = market.awaitMilestone(hired, milestone, "released");
        assertEquals(75_000, released.getJsonNumber("releasedAmount").longValue());
        assertTrue(released.containsKey("submittedAt"), "through submitted and approved, like any release");

        // 5 % platform fee and 10 % tenant share (the defaults): 3,750 + 7,500 + 63,750.
        Map<String, Long> lines = Await.until("the professional paid in the ledger", Marketplace.WEBHOOK, () -> {
            Map<String, Long> byKind = market.ledgerOf(funding.getString("escrowId"));
            return byKind.containsKey("transfer/professional") ? Optional.of(byKind) : Optional.empty();
        });
        assertEquals(75_000L, lines.get("charge/member"));
        assertEquals(63_750L, lines.get("professional-share/professional"));
        assertEquals(-63_750L, lines.get("transfer/professional"));
        assertEquals(
                75_000L,
                lines.get("platform-fee/platform")
                        + lines.get("tenant-share/tenant")
                        + lines.get("professional-share/professional"));

        Api.Reply ended = hourly.client()
                .api()
                .post(market.path("/marketplace/contracts/" + hourly.contract() + "/end"), "{\"reason\": \"Done\"}");
        assertEquals(200, ended.status(), "every hour paid: the contract ends " + ended);
    }

    @Test
    void aDisputedWeekMovesNoMoneyUntilAnAdminReopensOrApprovesIt() {
        Hourly hourly = hourly(10);
        String entry = logged(hourly, 120);
        submitted(hourly);

        Api.Reply disputed = hourly.client()
                .api()
                .post(hourly.path("/" + thisWeek() + "/dispute"), "{\"reason\": \"I saw no work today.\"}");
        assertEquals(200, disputed.status(), disputed::toString);
        assertEquals("disputed", disputed.json().getString("status"));
        assertFalse(disputed.json().containsKey("milestoneId"), "nothing to pay while disputed");
        assertEquals(
                409,
                hourly.client()
                        .api()
                        .post(hourly.path("/" + thisWeek() + "/approve"), "")
                        .status());
        Api.Reply ending =
                hourly.client().api().post(market.path("/marketplace/contracts/" + hourly.contract() + "/end"), "{}");
        assertEquals(409, ending.status(), ending::toString);
        assertTrue(ending.json().getString("type").endsWith("/hours-unsettled"), ending::toString);

        Api admin = market.tenant().admin().api();
        Api.Reply list = admin.get(market.path("/marketplace/disputed-weeks?size=100"));
        assertEquals(200, list.status(), list::toString);
        assertTrue(
                list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .anyMatch(w -> w.getString("contractId").equals(hourly.contract())),
                list::toString);
        assertEquals(
                403,
                hourly.client()
                        .api()
                        .get(market.path("/marketplace/disputed-weeks"))
                        .status(),
                "the admins' list");
        assertEquals(
                403,
                hourly.professional()
                        .api()
                        .post(hourly.path("/" + thisWeek() + "/decision"), "{\"decision\": \"approve\"}")
                        .status());

        Api.Reply reopened = admin.post(
                hourly.path("/" + thisWeek() + "/decision"),
                "{\"decision\": \"reopen\", \"note\": \"Log what you did on the shop.\"}");
        assertEquals(200, reopened.status(), reopened::toString);
        assertEquals("open", reopened.json().getString("status"));
        Api.Reply corrected = hourly.professional()
                .api()
                .patch(hourly.path("/entries/" + entry), "{\"minutes\": 90, \"description\": \"Fixed the cart\"}");
        assertEquals(200, corrected.status(), corrected::toString);
        submitted(hourly);
        Api.Reply approved = hourly.client().api().post(hourly.path("/" + thisWeek() + "/approve"), "");
        assertEquals(200, approved.status(), approved::toString);
        assertEquals(9_000, approved.json().getJsonNumber("amount").longValue(), "90 minutes at 60.00");

        JsonObject milestone = hourly.client()
                .api()
                .get(market.path("/marketplace/contracts/" + hourly.contract()))
                .json()
                .getJsonArray("milestones")
                .getJsonObject(0);
        assertEquals(approved.json().getString("milestoneId"), milestone.getString("id"));
        assertEquals(9_000, milestone.getJsonNumber("amount").longValue());
        Api.Reply unpaid =
                hourly.client().api().post(market.path("/marketplace/contracts/" + hourly.contract() + "/end"), "{}");
        assertEquals(409, unpaid.status(), "approved hours are paid before the contract ends: " + unpaid);
    }

    @Test
    void aWeekWithoutTimeIsApprovedWithNoMilestone() {
        Hourly hourly = hourly(5);
        String entry = logged(hourly, 60);
        assertEquals(
                204,
                hourly.professional()
                        .api()
                        .delete(hourly.path("/entries/" + entry))
                        .status());
        JsonObject week = submitted(hourly);
        assertEquals(0, week.getInt("minutes"));

        Api.Reply approved = hourly.client().api().post(hourly.path("/" + thisWeek() + "/approve"), "");
        assertEquals(200, approved.status(), approved::toString);
        assertFalse(approved.json().containsKey("milestoneId"), approved::toString);
        assertTrue(hourly.client()
                .api()
                .get(market.path("/marketplace/contracts/" + hourly.contract()))
                .json()
                .getJsonArray("milestones")
                .isEmpty());
    }

    @Test
    void onlyTheProfessionalLogsOnlyTheClientApprovesAndAnotherTenantSeesNothing() {
        Hourly hourly = hourly(10);
        Api.Reply byClient = log(hourly, hourly.client(), today(), 30);
        assertEquals(403, byClient.status(), byClient::toString);
        assertEquals(403, log(hourly, market.tenant().admin(), today(), 30).status(), "nor an admin");
        Member stranger = market.professional("Stranger");
        assertEquals(404, log(hourly, stranger, today(), 30).status(), "nor one who is not party to it");
        assertEquals(404, stranger.api().get(hourly.path("/" + thisWeek())).status(), "who does not see it either");

        String entry = logged(hourly, 30);
        assertEquals(
                403,
                hourly.client()
                        .api()
                        .patch(hourly.path("/entries/" + entry), "{\"minutes\": 600}")
                        .status(),
                "the client does not change the professional's time");
        assertEquals(
                403,
                hourly.client()
                        .api()
                        .post(hourly.path("/" + thisWeek() + "/submit"), "")
                        .status());
        submitted(hourly);
        assertEquals(
                403,
                hourly.professional()
                        .api()
                        .post(hourly.path("/" + thisWeek() + "/approve"), "")
                        .status(),
                "the professional does not approve their own hours");
        assertEquals(
                403,
                hourly.professional()
                        .api()
                        .post(hourly.path("/" + thisWeek() + "/dispute"), "{\"reason\": \"x\"}")
                        .status());

        Tenant other = TestTenants.onboard("hourly-other", "professional", "marketplace", "billing");
        Member otherClient = TestTenants.invite(other, "client");
        Api.Reply crossed = otherClient.api().get(hourly.path("/" + thisWeek()));
        assertEquals(403, crossed.status(), crossed::toString);
        assertFalse(crossed.body().contains("Checkout pages"), crossed::toString);
        Api.Reply inTheirOwn = otherClient
                .api()
                .get(other.path("/marketplace/contracts/" + hourly.contract() + "/timesheets/" + thisWeek()));
        assertEquals(404, inTheirOwn.status(), "no such contract in the other tenant: " + inTheirOwn);
        assertEquals(
                404,
                other.admin()
                        .api()
                        .post(
                                other.path("/marketplace/contracts/" + hourly.contract() + "/timesheets/" + thisWeek()
                                        + "/approve"),
                                "")
                        .status());

        Marketplace.Hired fixed = market.hired(1_000, 2_000);
        Api.Reply notHourly = fixed.professional()
                .api()
                .post(
                        market.path("/marketplace/contracts/" + fixed.contract() + "/timesheets/entries"),
                        "{\"date\": \"" + today() + "\", \"minutes\": 30, \"description\": \"x\"}");
        assertEquals(409, notHourly.status(), notHourly::toString);
        assertTrue(notHourly.json().getString("type").endsWith("/not-hourly"), notHourly::toString);
    }

    @Test
    void badInputIsA400AndNeverA500() {
        Hourly hourly = hourly(10);
        Api professional = hourly.professional().api();
        String entries = hourly.path("/entries");
        for (String body : new String[] {
            "{\"date\": \"" + today() + "\", \"minutes\": -30, \"description\": \"x\"}",
            "{\"date\": \"" + today() + "\", \"minutes\": 0, \"description\": \"x\"}",
            "{\"date\": \"" + today() + "\", \"minutes\": 1441, \"description\": \"x\"}",
            "{\"date\": \"" + today() + "\", \"minutes\": 30}",
            "{\"minutes\": 30, \"description\": \"x\"}",
            "{\"date\": \"2026-13-45\", \"minutes\": 30, \"description\": \"x\"}",
            "{\"date\": \"" + today() + "\", \"minutes\": \"lots\", \"description\": \"x\"}",
            "not json"
        }) {
            Api.Reply reply = professional.post(entries, body);
            assertEquals(400, reply.status(), body + " -> " + reply);
            assertTrue(reply.isProblem(), reply::toString);
        }
        Api.Reply future = log(hourly, hourly.professional(), today().plusDays(2), 30);
        assertEquals(400, future.status(), future::toString);
        assertTrue(future.json().getString("type").endsWith("/date-not-loggable"), future::toString);
        Api.Reply old = log(hourly, hourly.professional(), today().minusWeeks(3), 30);
        assertEquals(400, old.status(), "no logging far into the past: " + old);

        assertEquals(400, professional.get(hourly.path("/2026-47")).status(), "a week is named 2026-W47");
        assertEquals(400, professional.post(hourly.path("/2025-W53/submit"), "").status(), "2025 has 52 weeks");
        LocalDate nextWeek = today().plusWeeks(1);
        String next = String.format(
                "%04d-W%02d", nextWeek.get(IsoFields.WEEK_BASED_YEAR), nextWeek.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        Api.Reply early = professional.post(hourly.path("/" + next + "/submit"), "");
        assertEquals(400, early.status(), "a week is submitted once it has begun: " + early);
        assertEquals(
                404,
                professional
                        .patch(hourly.path("/entries/" + UUID.randomUUID()), "{\"minutes\": 30}")
                        .status());
        assertEquals(
                400,
                hourly.client()
                        .api()
                        .post(hourly.path("/" + thisWeek() + "/dispute"), "{}")
                        .status(),
                "a dispute says why");

        Member client = hourly.client();
        String job = market.hourlyJob(client, "More upkeep");
        String proposal = market.propose(hourly.professional(), job, 5_000);
        String hire = market.path("/marketplace/proposals/" + proposal + "/hire");
        assertEquals(400, client.api().post(hire, "{}").status(), "an hourly contract needs its weekly limit");
        assertEquals(400, client.api().post(hire, "{\"weeklyLimitHours\": 81}").status());
        assertEquals(400, client.api().post(hire, "{\"weeklyLimitHours\": 0}").status());
        assertEquals(
                400,
                client.api()
                        .post(hire, "{\"weeklyLimitHours\": 10, \"milestones\": [{\"title\": \"A\", \"amount\": 5}]}")
                        .status(),
                "an hourly contract takes no planned milestones");
        String fixedProposal = market.propose(hourly.professional(), market.job(client, "Logo"), 5_000);
        assertEquals(
                400,
                client.api()
                        .post(
                                market.path("/marketplace/proposals/" + fixedProposal + "/hire"),
                                "{\"weeklyLimitHours\": 10}")
                        .status(),
                "a weekly limit is for hourly jobs");
    }

    @Test
    void everyTimesheetEndpointRefusesWhoHasNoPlaceThere() {
        Hourly hourly = hourly(10);
        String contract = "/marketplace/contracts/" + hourly.contract() + "/timesheets";
        String entry = logged(hourly, 30);
        String week = thisWeek();
        EndpointMatrix.forModule(market.tenant(), "marketplace")
                .member("GET", contract, null)
                .member(
                        "POST",
                        contract + "/entries",
                        "{\"date\": \"" + today() + "\", \"minutes\": 30, \"description\": \"x\"}")
                .member("PATCH", contract + "/entries/" + entry, "{\"minutes\": 60}")
                .member("DELETE", contract + "/entries/" + entry, null)
                .member("GET", contract + "/" + week, null)
                .member("POST", contract + "/" + week + "/submit", "")
                .member("POST", contract + "/" + week + "/approve", "")
                .member("POST", contract + "/" + week + "/dispute", "{\"reason\": \"x\"}")
                .admin("POST", contract + "/" + week + "/decision", "{\"decision\": \"approve\"}")
                .admin("GET", "/marketplace/disputed-weeks", null)
                .verify("Checkout pages");
    }

    /** Waits until the member has a notification of the type. */
    private static void awaitNotification(Member member, String type) {
        Await.until(type, Marketplace.WEBHOOK, () -> {
            Api.Reply page = member.api().get(market.path("/notifications"));
            return page.status() == 200
                            && page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                                    .anyMatch(n -> type.equals(n.getString("type")))
                    ? Optional.of(true)
                    : Optional.empty();
        });
    }
}
