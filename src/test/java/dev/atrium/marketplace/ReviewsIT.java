package dev.atrium.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.EndpointMatrix;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reviews after a contract, against the real stack: a contract completed through the local Stripe opens a 14-day
 * window in which its parties review each other; double-blind until both wrote or the window's end job ran; counted in
 * the professional's profile once, and again when an admin hides (recorded) or shows a review; private feedback never
 * in a response; one reply by the reviewed party.
 */
class ReviewsIT {

    /** The keys of a client's private feedback as written, which no answer may carry. */
    private static final List<String> PRIVATE = List.of("\"wouldHireAgain\"", "\"score\"", "\"privateScore\"");

    private static Marketplace market;

    @BeforeAll
    static void agency() {
        market = new Marketplace(
                TestTenants.onboard("reviews", "professional", "marketplace", "billing", "notifications"));
    }

    /** A contract between these two from a fresh job and proposal (two milestones, the amounts given). */
    private static Marketplace.Hired hired(Member client, Member professional, long first, long second) {
        String proposal = market.propose(professional, market.job(client, "School shop"), first + second);
        JsonObject contract = market.hire(client, proposal, first, second);
        return new Marketplace.Hired(
                client,
                professional,
                contract.getString("id"),
                contract.getJsonArray("milestones").getJsonObject(0).getString("id"),
                contract.getJsonArray("milestones").getJsonObject(1).getString("id"));
    }

    /**
     * Completes the contract: its first milestone funded, submitted, approved and released, then the client ends it
     * (the second, never funded, is cancelled). Reviews open on it.
     */
    private static Marketplace.Hired completed(Marketplace.Hired hired) {
        market.fund(hired, hired.first());
        market.submit(hired, hired.first());
        Api.Reply approved = hired.client().api().post(market.milestonePath(hired, hired.first()) + "/approve", "");
        assertEquals(200, approved.status(), approved::toString);
        market.awaitMilestone(hired, hired.first(), "released");
        Api.Reply ended = hired.client()
                .api()
                .post(market.path("/marketplace/contracts/" + hired.contract() + "/end"), "{\"reason\": \"Done\"}");
        assertEquals(200, ended.status(), ended::toString);
        return hired;
    }

    private static String ofProfessional(String contract, int overall, int score, boolean rehire) {
        return """
                {"contractId": "%s", "overall": %d,
                 "ratings": {"quality": 5, "communication": 4, "expertise": 5, "deadlines": 4, "value": 5},
                 "text": "Delivered a fine shop, on time.",
                 "privateFeedback": {"score": %d, "wouldHireAgain": %b}}
                """.formatted(contract, overall, score, rehire);
    }

    private static String ofClient(String contract, int overall) {
        return """
                {"contractId": "%s", "overall": %d,
                 "ratings": {"clarity": 4, "communication": 4, "payment_promptness": 5},
                 "text": "Clear brief, paid at once."}
                """.formatted(contract, overall);
    }

    private static Api.Reply write(Member author, String body) {
        return author.api().post(market.path("/marketplace/reviews"), body);
    }

    private static void assertPrivateFeedbackAbsent(Api.Reply reply) {
        for (String key : PRIVATE) {
            assertFalse(reply.body().contains(key), () -> "private feedback (" + key + ") in an answer: " + reply);
        }
    }

    private static String written(Member author, String body) {
        Api.Reply review = write(author, body);
        assertEquals(201, review.status(), review::toString);
        assertPrivateFeedbackAbsent(review);
        return review.json().getString("id");
    }

    private static List<JsonObject> about(Member reader, Member subject, String extra) {
        Api.Reply list = reader.api().get(market.path("/marketplace/reviews?about=" + subject.id() + extra));
        assertEquals(200, list.status(), list::toString);
        assertPrivateFeedbackAbsent(list);
        return list.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static JsonObject facts(Member professional) {
        Api.Reply profile =
                market.tenant().admin().api().get(market.path("/marketplace/profiles/" + professional.id()));
        assertEquals(200, profile.status(), profile::toString);
        assertPrivateFeedbackAbsent(profile);
        return profile.json().getJsonObject("facts");
    }

    private static JsonObject summary(Member subject) {
        Api.Reply summary =
                market.tenant().admin().api().get(market.path("/marketplace/reviews/summary?about=" + subject.id()));
        assertEquals(200, summary.status(), summary::toString);
        assertPrivateFeedbackAbsent(summary);
        return summary.json();
    }

    private static List<String> pending(Member member) {
        Api.Reply pending = member.api().get(market.path("/marketplace/reviews/pending"));
        assertEquals(200, pending.status(), pending::toString);
        assertPrivateFeedbackAbsent(pending);
        return pending.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("contractId"))
                .toList();
    }

    private static java.time.Instant instant(String moment) {
        return java.time.OffsetDateTime.parse(moment).toInstant();
    }

    private static Api.Reply reviewRead(Member reader, String review) {
        Api.Reply read = reader.api().get(market.path("/marketplace/reviews/" + review));
        assertPrivateFeedbackAbsent(read);
        return read;
    }

    private static List<JsonObject> notices(Member member, String type) {
        return member.api().get(market.path("/notifications")).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(notice -> notice.getString("type").equals(type))
                .toList();
    }

    @Test
    void bothReviewsStaySealedUntilTheSecondIsWrittenThenArePublishedAtOnceAndCountedOnce() {
        Marketplace.Hired hired = completed(market.hired(20_000, 10_000));
        Member client = hired.client();
        Member professional = hired.professional();
        Member reader = TestTenants.invite(market.tenant(), "client");

        Api.Reply owed = client.api().get(market.path("/marketplace/reviews/pending"));
        JsonObject toWrite = owed.json().getJsonArray("items").getJsonObject(0);
        assertEquals(hired.contract(), toWrite.getString("contractId"));
        assertEquals(professional.id(), toWrite.getString("reviewOf"));
        assertEquals("professional", toWrite.getString("reviewed"));
        assertTrue(toWrite.getBoolean("privateFeedback"));
        assertEquals(
                List.of("quality", "communication", "expertise", "deadlines", "value"),
                toWrite.getJsonArray("criteria").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        assertEquals(List.of(hired.contract()), pending(professional));

        Api.Reply first = write(client, ofProfessional(hired.contract(), 5, 9, true));
        assertEquals(201, first.status(), first::toString);
        assertPrivateFeedbackAbsent(first);
        assertFalse(first.body().contains("privateFeedback"), first::toString);
        assertEquals("sealed", first.json().getString("status"));
        assertTrue(first.header("Location")
                .orElseThrow()
                .endsWith("/marketplace/reviews/" + first.json().getString("id")));
        String clientsReview = first.json().getString("id");

        Api.Reply twice = write(client, ofProfessional(hired.contract(), 1, 1, false));
        assertEquals(409, twice.status(), twice::toString);
        assertTrue(twice.json().getString("type").endsWith("/already-reviewed"), twice::toString);

        assertEquals(200, reviewRead(client, clientsReview).status(), "its author reads it");
        assertEquals(404, reviewRead(professional, clientsReview).status(), "sealed from the other party");
        assertEquals(404, reviewRead(reader, clientsReview).status(), "and from everyone");
        assertEquals(
                404,
                market.tenant()
                        .admin()
                        .api()
                        .get(market.path("/marketplace/reviews/" + clientsReview))
                        .status(),
                "even from the admins");
        assertEquals(List.of(), about(professional, professional, ""));
        assertEquals(List.of(), about(market.tenant().admin(), professional, ""));
        assertEquals(0, facts(professional).getInt("ratingCount"), "not counted while sealed");
        assertEquals(List.of(), pending(client), "written: no longer owed");
        assertEquals(List.of(hired.contract()), pending(professional));

        Api.Reply second = write(professional, ofClient(hired.contract(), 4));
        assertEquals(201, second.status(), second::toString);
        assertEquals("published", second.json().getString("status"), "the second review publishes both");
        String professionalsReview = second.json().getString("id");

        JsonObject published = reviewRead(professional, clientsReview).json();
        assertEquals("published", published.getString("status"));
        assertEquals(
                instant(second.json().getString("publishedAt")),
                instant(published.getString("publishedAt")),
                "at once");
        assertEquals(5, published.getInt("overall"));
        assertEquals(5, published.getJsonObject("ratings").getInt("quality"));
        assertEquals("professional", published.getString("reviewed"));
        assertFalse(published.containsKey("hidden"));

        List<JsonObject> ofTheProfessional = about(reader, professional, "");
        assertEquals(1, ofTheProfessional.size());
        assertEquals(clientsReview, ofTheProfessional.get(0).getString("id"));
        assertEquals(1, about(reader, professional, "&reviewed=professional").size());
        assertEquals(0, about(reader, professional, "&reviewed=client").size());
        List<JsonObject> ofTheClient = about(reader, client, "");
        assertEquals(1, ofTheClient.size());
        assertEquals(professionalsReview, ofTheClient.get(0).getString("id"));
        assertEquals(5, ofTheClient.get(0).getJsonObject("ratings").getInt("payment_promptness"));

        JsonObject facts = facts(professional);
        assertEquals(1, facts.getInt("ratingCount"), "counted once");
        assertEquals(5.0, facts.getJsonNumber("averageRating").doubleValue());
        Api.Reply record = reader.api().get(market.path("/marketplace/profiles/clients/" + client.id()));
        assertEquals(200, record.status(), record::toString);
        assertEquals(1, record.json().getInt("ratingCount"), "the client's rating in their record");
        assertEquals(4.0, record.json().getJsonNumber("averageRating").doubleValue());

        JsonObject summary = summary(professional);
        assertEquals(1, summary.getJsonObject("asProfessional").getInt("count"));
        assertEquals(
                4.0,
                summary.getJsonObject("asProfessional")
                        .getJsonObject("criteria")
                        .getJsonNumber("communication")
                        .doubleValue());
        assertFalse(summary.containsKey("clientFeedback"), "one client's private answer is never shown");
        assertEquals(0, summary.getJsonObject("asClient").getInt("count"));

        assertEquals(1, notices(professional, "marketplace.review-published").size(), "the professional is told");
        assertEquals(1, notices(client, "marketplace.review-published").size(), "and the client");

        Api.Reply afterwards = write(professional, ofClient(hired.contract(), 2));
        assertEquals(409, afterwards.status(), afterwards::toString);
        assertEquals(1, facts(professional).getInt("ratingCount"), "still counted once");
        assertEquals(List.of(), pending(professional));
    }

    @Test
    void onlyThePartiesReviewAContractThatEndedWithWorkPaidAndBadRatingsAreRefused() {
        Marketplace.Hired running = market.hired(5_000, 5_000);
        Api.Reply early = write(running.client(), ofProfessional(running.contract(), 5, 9, true));
        assertEquals(409, early.status(), early::toString);
        assertTrue(early.json().getString("type").endsWith("/contract-not-ended"), early::toString);

        Api.Reply ended =
                running.client().api().post(market.path("/marketplace/contracts/" + running.contract() + "/end"), "{}");
        assertEquals(200, ended.status(), ended::toString);
        Api.Reply unpaid = write(running.client(), ofProfessional(running.contract(), 5, 9, true));
        assertEquals(409, unpaid.status(), unpaid::toString);
        assertTrue(unpaid.json().getString("type").endsWith("/not-reviewable"), unpaid::toString);
        assertFalse(pending(running.client()).contains(running.contract()));

        Marketplace.Hired hired = completed(market.hired(3_000, 3_000));
        String contract = hired.contract();
        Member stranger = TestTenants.invite(market.tenant(), "client");
        assertEquals(404, write(stranger, ofProfessional(contract, 5, 9, true)).status(), "not even seen");
        assertEquals(
                403,
                write(market.tenant().admin(), ofProfessional(contract, 5, 9, true))
                        .status(),
                "an admin sees the contract but is not a party");

        for (String bad : List.of(
                ofProfessional(contract, 0, 9, true),
                ofProfessional(contract, 6, 9, true),
                ofProfessional(contract, 5, 11, true),
                ofProfessional(contract, 5, 9, true).replace("\"quality\": 5", "\"quality\": 6"),
                ofProfessional(contract, 5, 9, true).replace("\"quality\": 5", "\"quality\": 0"),
                ofProfessional(contract, 5, 9, true).replace("\"value\": 5", "\"speed\": 5"),
                ofProfessional(contract, 5, 9, true).replace(", \"value\": 5", ""),
                ofProfessional(contract, 5, 9, true).replace("\"text\": \"Delivered a fine shop, on time.\",", ""),
                ofProfessional(contract, 5, 9, true).replace("Delivered a fine shop, on time.", "  "),
                ofProfessional(contract, 5, 9, true)
                        .replace(",\n \"privateFeedback\": {\"score\": 9, \"wouldHireAgain\": true}", ""),
                ofClient(contract, 4))) {
            Api.Reply refused = write(hired.client(), bad);
            assertEquals(400, refused.status(), () -> bad + " → " + refused);
            assertTrue(refused.isProblem(), refused::toString);
        }
        Api.Reply withFeedback = write(
                hired.professional(),
                ofClient(contract, 4)
                        .replace("}\n", ", \"privateFeedback\": {\"score\": 2, \"wouldHireAgain\": false}}\n"));
        assertEquals(400, withFeedback.status(), "private feedback is the client's: " + withFeedback);
        assertEquals(
                400,
                write(hired.professional(), ofProfessional(contract, 4, 5, true))
                        .status(),
                "wrong criteria");

        assertEquals(List.of(contract), pending(hired.client()), "nothing refused was stored");
        written(hired.client(), ofProfessional(contract, 4, 7, true));
    }

    @Test
    void whenTheWindowEndsTheOnlyReviewWrittenIsPublishedAndNoneIsWrittenAfter() {
        Marketplace.Hired hired = completed(market.hired(4_000, 4_000));
        String review = written(hired.client(), ofProfessional(hired.contract(), 3, 5, false));
        assertEquals(404, reviewRead(hired.professional(), review).status());

        ReviewWindows.endNow(market.tenant(), hired.contract());
        JsonObject published = Await.until("the window's end published the review", Duration.ofSeconds(20), () -> {
            Api.Reply read = reviewRead(hired.professional(), review);
            return read.status() == 200 ? Optional.of(read.json()) : Optional.empty();
        });
        assertEquals("published", published.getString("status"));
        assertEquals(1, about(hired.professional(), hired.professional(), "").size());
        JsonObject facts = facts(hired.professional());
        assertEquals(1, facts.getInt("ratingCount"));
        assertEquals(3.0, facts.getJsonNumber("averageRating").doubleValue());
        assertEquals(
                1, notices(hired.professional(), "marketplace.review-published").size());

        Api.Reply late = write(hired.professional(), ofClient(hired.contract(), 1));
        assertEquals(409, late.status(), late::toString);
        assertTrue(late.json().getString("type").endsWith("/review-window-closed"), late::toString);
        assertEquals(List.of(), pending(hired.professional()), "nothing owed after the window");
        assertEquals(0, about(hired.client(), hired.client(), "").size());
    }

    @Test
    void theReviewedPartyRepliesOnceAndAnAdminHidesAReviewRecordedAndReversibly() {
        Marketplace.Hired hired = completed(market.hired(6_000, 6_000));
        Member client = hired.client();
        Member professional = hired.professional();
        Member admin = market.tenant().admin();
        String review = written(client, ofProfessional(hired.contract(), 1, 2, false));
        written(professional, ofClient(hired.contract(), 5));
        assertEquals(1, facts(professional).getInt("ratingCount"));

        String reply = market.path("/marketplace/reviews/" + review + "/reply");
        assertEquals(403, client.api().post(reply, "{\"text\": \"And more\"}").status(), "not the author");
        Member stranger = TestTenants.invite(market.tenant(), "professional");
        assertEquals(403, stranger.api().post(reply, "{\"text\": \"Me too\"}").status());
        assertEquals(400, professional.api().post(reply, "{\"text\": \" \"}").status());
        Api.Reply replied = professional.api().post(reply, "{\"text\": \"The brief changed twice.\"}");
        assertEquals(200, replied.status(), replied::toString);
        assertEquals(
                "The brief changed twice.",
                replied.json().getJsonObject("reply").getString("text"));
        Api.Reply again = professional.api().post(reply, "{\"text\": \"Also...\"}");
        assertEquals(409, again.status(), "replied once: " + again);

        String hide = market.path("/marketplace/reviews/" + review + "/hide");
        assertEquals(
                403, professional.api().post(hide, "{\"reason\": \"Unfair\"}").status(), "admins only");
        assertEquals(400, admin.api().post(hide, "{}").status(), "a reason is required");
        Api.Reply hidden = admin.api().post(hide, "{\"reason\": \"Personal insults (rule 3)\"}");
        assertEquals(200, hidden.status(), hidden::toString);
        assertEquals("hidden", hidden.json().getString("status"));
        assertEquals(admin.id(), hidden.json().getJsonObject("hidden").getString("by"));
        assertEquals(
                "Personal insults (rule 3)",
                hidden.json().getJsonObject("hidden").getString("reason"));
        assertEquals(409, admin.api().post(hide, "{\"reason\": \"Twice\"}").status());

        assertEquals(0, facts(professional).getInt("ratingCount"), "a hidden review no longer counts");
        assertFalse(facts(professional).containsKey("averageRating"));
        assertEquals(List.of(), about(client, professional, ""), "hidden from members");
        assertEquals(404, reviewRead(professional, review).status());
        List<JsonObject> forAdmins = about(admin, professional, "");
        assertEquals(1, forAdmins.size(), "the admins still see it, marked");
        assertEquals("hidden", forAdmins.get(0).getString("status"));
        assertEquals(0, summary(professional).getJsonObject("asProfessional").getInt("count"));

        Api.Reply shown = admin.api().post(market.path("/marketplace/reviews/" + review + "/unhide"), "{}");
        assertEquals(200, shown.status(), shown::toString);
        assertEquals("published", shown.json().getString("status"));
        assertFalse(shown.json().containsKey("hidden"));
        JsonObject facts = facts(professional);
        assertEquals(1, facts.getInt("ratingCount"), "counted again, once");
        assertEquals(1.0, facts.getJsonNumber("averageRating").doubleValue());
        assertEquals(1, about(client, professional, "").size());
        assertEquals(
                409,
                admin.api()
                        .post(market.path("/marketplace/reviews/" + review + "/unhide"), "{}")
                        .status());

        List<JsonObject> audit = admin.api()
                .get(market.tenant().path("/audit?action=marketplace.review-hide"))
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        JsonObject entry = audit.stream()
                .filter(e -> e.getString("target").contains(review))
                .findFirst()
                .orElseThrow(() -> new AssertionError("hiding is recorded: " + audit));
        assertEquals(admin.id(), entry.getString("actorId"));
        assertEquals("Personal insults (rule 3)", entry.getString("detail"));
        assertTrue(entry.containsKey("occurredAt"));
        assertTrue(admin.api()
                .get(market.tenant().path("/audit?action=marketplace.review-unhide"))
                .body()
                .contains(review));
    }

    @Test
    void clientsPrivateFeedbackShowsOnlyInTotalsOfThreeAnswers() {
        Member professional = market.professional("Bookkeeper");
        int[] scores = {9, 6, 3};
        for (int i = 0; i < scores.length; i++) {
            Member client = TestTenants.invite(market.tenant(), "client");
            Marketplace.Hired hired = completed(hired(client, professional, 2_000, 2_000));
            written(client, ofProfessional(hired.contract(), 4, scores[i], i < 2));
            written(professional, ofClient(hired.contract(), 5));
            if (i < 2) {
                assertFalse(summary(professional).containsKey("clientFeedback"), "not before three answers");
            }
        }
        JsonObject feedback = summary(professional).getJsonObject("clientFeedback");
        assertEquals(3, feedback.getInt("answers"));
        assertEquals(6.0, feedback.getJsonNumber("averageScore").doubleValue(), 1e-9);
        assertEquals(2.0 / 3, feedback.getJsonNumber("wouldHireAgainRate").doubleValue(), 1e-9);
        assertEquals(3, facts(professional).getInt("ratingCount"));
        assertEquals(3, summary(professional).getJsonObject("asProfessional").getInt("count"));
    }

    @Test
    void everyReviewEndpointRefusesWhoItMustAndAnotherTenantSeesNoReview() {
        Marketplace.Hired hired = completed(market.hired(1_000, 1_000));
        String review = written(hired.client(), ofProfessional(hired.contract(), 5, 10, true));
        written(hired.professional(), ofClient(hired.contract(), 5));
        String member = hired.professional().id();
        EndpointMatrix.forModule(market.tenant(), "marketplace")
                .member("GET", "/marketplace/reviews?about=" + member, null)
                .member("GET", "/marketplace/reviews/summary?about=" + member, null)
                .member("GET", "/marketplace/reviews/pending", null)
                .member("GET", "/marketplace/reviews/" + review, null)
                .member("POST", "/marketplace/reviews", ofProfessional(hired.contract(), 5, 10, true))
                .member("POST", "/marketplace/reviews/" + review + "/reply", "{\"text\": \"x\"}")
                .admin("POST", "/marketplace/reviews/" + review + "/hide", "{\"reason\": \"x\"}")
                .admin("POST", "/marketplace/reviews/" + review + "/unhide", "{}")
                .verify("Delivered a fine shop");

        Marketplace other = new Marketplace(TestTenants.onboard("reviews-other", "professional", "marketplace"));
        Api otherAdmin = other.tenant().admin().api();
        assertEquals(
                404,
                otherAdmin.get(other.path("/marketplace/reviews/" + review)).status(),
                "another tenant's review does not exist here");
        Api.Reply elsewhere = otherAdmin.get(other.path("/marketplace/reviews?about=" + member));
        assertEquals(200, elsewhere.status(), elsewhere::toString);
        assertEquals(0, elsewhere.json().getJsonNumber("total").longValue(), elsewhere::toString);
        assertFalse(otherAdmin
                .get(other.path("/marketplace/reviews/summary?about=" + member))
                .body()
                .contains("\"count\":1"));

        Api.Reply missing = hired.client().api().get(market.path("/marketplace/reviews"));
        assertEquals(400, missing.status(), "whose reviews: " + missing);
        assertEquals(
                404,
                hired.client()
                        .api()
                        .get(market.path("/marketplace/reviews/" + UUID.randomUUID()))
                        .status());
    }
}
