package dev.atrium.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.LocalStripeControl;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Searching jobs and professionals (words, filters, facets, premium professionals featured), matching (jobs for a
 * professional, professionals for a job), saved searches that alert, and early access for premium members.
 */
class SearchAndMatchingIT {

    private static Marketplace market;
    private static Member client;
    private static Member shopBuilder;
    private static Member designer;
    private static Member engineer;
    private static String shopJob;
    private static String logoJob;

    @BeforeAll
    static void marketplaceWithPeopleAndJobs() {
        market = new Marketplace(
                TestTenants.onboard("search", "professional", "marketplace", "billing", "notifications"));
        client = TestTenants.invite(market.tenant(), "client");
        shopBuilder = profile(
                "E-commerce developer for Shopify and WooCommerce shops",
                "I build online stores, payment integrations and product catalogues.",
                6000,
                "[\"web-development\", \"e-commerce\"]");
        designer = profile(
                "Logo and brand identity designer",
                "Logos, colour palettes and brand guidelines for schools and small businesses.",
                4000,
                "[\"logo-design\", \"brand-identity\"]");
        engineer = profile(
                "Java backend engineer",
                "APIs, databases and performance work on the JVM.",
                9000,
                "[\"java\", \"databases\"]");
        premium(designer);
        shopJob = job(
                "An online shop for our school merchandise",
                "We want to sell hoodies and mugs online, with card payments.",
                "software-development",
                "[\"web-development\", \"e-commerce\"]",
                100_000,
                200_000);
        logoJob = job(
                "A new logo for our choir",
                "A friendly logo and a small brand guide for posters.",
                "design",
                "[\"logo-design\"]",
                20_000,
                40_000);
        job(
                "Translate our brochure into German",
                "Eight pages, English to German.",
                "translation",
                "[]",
                30_000,
                50_000);
    }

    @Test
    void professionalsAreFoundByWordsAndFiltersWithFacetsAndPremiumOnesFeaturedFirst() {
        JsonObject shops = search(client, "/marketplace/profiles?q=online+store");
        assertEquals(List.of(shopBuilder.id()), ids(shops), "stemmed words: store / stores");

        JsonObject byCategory = search(client, "/marketplace/profiles?category=design");
        assertEquals(List.of(designer.id()), ids(byCategory));
        JsonObject all = search(client, "/marketplace/profiles");
        assertEquals(3, all.getInt("total"));
        assertEquals(designer.id(), ids(all).get(0), "the premium professional is featured first");
        assertTrue(items(all).get(0).getBoolean("featured"));
        assertFalse(items(all).get(1).getBoolean("featured"));
        JsonObject categories = all.getJsonObject("facets").getJsonObject("category");
        assertEquals(1, categories.getInt("design"));
        assertEquals(2, categories.getInt("software-development"));

        assertEquals(
                List.of(designer.id()),
                ids(search(client, "/marketplace/profiles?currency=eur&rateMax=5000")),
                "rate range");
        assertEquals(List.of(engineer.id()), ids(search(client, "/marketplace/profiles?skill=java")));
        assertEquals(
                List.of(engineer.id(), shopBuilder.id(), designer.id()),
                ids(search(client, "/marketplace/profiles?sort=rate_high")));

        Api.Reply bad = client.api().get(market.path("/marketplace/profiles?sort=cheapest"));
        assertEquals(400, bad.status(), bad::toString);
        Api.Reply unknownSkill = client.api().get(market.path("/marketplace/profiles?skill=juggling"));
        assertEquals(400, unknownSkill.status(), unknownSkill::toString);
        Api.Reply rangeWithoutCurrency = client.api().get(market.path("/marketplace/profiles?rateMax=5000"));
        assertEquals(400, rangeWithoutCurrency.status(), rangeWithoutCurrency::toString);
    }

    @Test
    void openJobsAreFoundByWordsAndFiltersWithFacets() {
        JsonObject shops = search(engineer, "/marketplace/jobs?q=shop");
        assertEquals(List.of(shopJob), ids(shops));

        JsonObject all = search(engineer, "/marketplace/jobs?size=50");
        assertTrue(all.getInt("total") >= 3);
        JsonObject categories = all.getJsonObject("facets").getJsonObject("category");
        assertTrue(categories.getInt("design") >= 1, all::toString);
        assertTrue(all.getJsonObject("facets").getJsonObject("skills").getInt("logo-design") >= 1, all::toString);

        List<String> budget = ids(search(engineer, "/marketplace/jobs?currency=eur&budgetMin=90000&size=50"));
        assertTrue(budget.contains(shopJob) && !budget.contains(logoJob), budget::toString);
        List<String> design = ids(search(engineer, "/marketplace/jobs?category=design&size=50"));
        assertTrue(design.contains(logoJob) && !design.contains(shopJob), design::toString);
        assertFalse(ids(search(client, "/marketplace/jobs?size=50")).contains(shopJob), "not one's own jobs");
    }

    @Test
    void jobsForAProfessionalAndProfessionalsForAJobAreRankedWithTheirReasons() {
        List<JsonObject> forShopBuilder = list(shopBuilder.api().get(market.path("/marketplace/jobs/for-me")));
        assertEquals(shopJob, forShopBuilder.get(0).getJsonObject("item").getString("id"), forShopBuilder::toString);
        assertEquals(
                1.0,
                forShopBuilder
                        .get(0)
                        .getJsonObject("parts")
                        .getJsonNumber("skills")
                        .doubleValue());

        List<JsonObject> forDesigner = list(designer.api().get(market.path("/marketplace/jobs/for-me")));
        assertEquals(logoJob, forDesigner.get(0).getJsonObject("item").getString("id"), forDesigner::toString);

        List<JsonObject> forShop =
                list(client.api().get(market.path("/marketplace/jobs/" + shopJob + "/professionals")));
        assertEquals(shopBuilder.id(), forShop.get(0).getJsonObject("item").getString("memberId"), forShop::toString);
        assertTrue(forShop.get(0).getJsonNumber("score").doubleValue()
                > (forShop.size() > 1 ? forShop.get(1).getJsonNumber("score").doubleValue() : 0));

        assertEquals(
                403,
                designer.api()
                        .get(market.path("/marketplace/jobs/" + shopJob + "/professionals"))
                        .status(),
                "only the job's client sees who matches it");
        Member noProfile = TestTenants.invite(market.tenant(), "professional");
        assertEquals(
                409,
                noProfile.api().get(market.path("/marketplace/jobs/for-me")).status());
    }

    @Test
    void aSavedSearchAlertsItsMemberOfANewMatchingJobOnce() {
        Api.Reply saved = designer.api()
                .post(
                        market.path("/marketplace/saved-searches"),
                        "{\"name\": \"Posters\", \"kind\": \"jobs\", \"query\": \"poster\", \"category\": \"design\"}");
        assertEquals(201, saved.status(), saved::toString);
        assertTrue(saved.json().getBoolean("alerts"));

        String poster = job("Posters for the spring concert", "Three A2 posters.", "design", "[]", 10_000, 20_000);
        job("A poster for the bake sale", "Not design work, but a poster anyway.", "writing", "[]", 5_000, 8_000);

        JsonObject alert = Await.until("the saved search's alert", Marketplace.WEBHOOK, () -> alerts(designer).stream()
                .findFirst());
        assertEquals("/marketplace/jobs/" + poster, alert.getString("link"), alert::toString);
        assertTrue(alert.getString("text").contains("Posters"), alert::toString);
        assertEquals(1, alerts(designer).size(), "only the job in the saved search's category");
        assertEquals(
                1,
                list(designer.api().get(market.path("/marketplace/saved-searches")))
                        .size());
        assertEquals(
                404,
                engineer.api()
                        .delete(market.path(
                                "/marketplace/saved-searches/" + saved.json().getString("id")))
                        .status(),
                "another member's saved search");
    }

    @Test
    void premiumProfessionalsSeeNewJobsFirstWhenTheTenantGivesEarlyAccess() {
        Member tenantAdmin = market.tenant().admin();
        Api.Reply settings = tenantAdmin.api().get(market.path("/marketplace/settings"));
        Api.Reply changed = tenantAdmin
                .api()
                .withHeader("If-Match", settings.header("ETag").orElseThrow())
                .patch(market.path("/marketplace/settings"), "{\"earlyAccessHours\": 24}");
        assertEquals(200, changed.status(), changed::toString);
        try {
            String fresh =
                    job("Brand refresh for the sports club", "Logo and colours.", "design", "[]", 30_000, 60_000);
            assertTrue(ids(search(designer, "/marketplace/jobs?size=50")).contains(fresh), "premium: at once");
            assertFalse(ids(search(engineer, "/marketplace/jobs?size=50")).contains(fresh), "others: after a day");
            Api.Reply early = engineer.api()
                    .post(
                            market.path("/marketplace/jobs/" + fresh + "/proposals"),
                            "{\"coverLetter\": \"Me\", \"bid\": 30000}");
            assertEquals(409, early.status(), early::toString);
            assertTrue(early.json().getString("type").endsWith("/early-access"));
        } finally {
            Api.Reply now = tenantAdmin.api().get(market.path("/marketplace/settings"));
            tenantAdmin
                    .api()
                    .withHeader("If-Match", now.header("ETag").orElseThrow())
                    .patch(market.path("/marketplace/settings"), "{\"earlyAccessHours\": 0}");
        }
    }

    @Test
    void visitorsOfThePublicSiteSeeOnlyWhatWasMadePublic() {
        Marketplace site = new Marketplace(TestTenants.onboard("public", "professional", "marketplace", "billing"));
        Member shown = TestTenants.invite(site.tenant(), "professional");
        Member hidden = TestTenants.invite(site.tenant(), "professional");
        for (Member professional : List.of(shown, hidden)) {
            String visibility = professional == shown ? "public" : "members";
            Api.Reply saved = professional
                    .api()
                    .put(
                            site.path("/marketplace/profiles/me"),
                            "{\"headline\": \"Portrait photographer\", \"visibility\": \"" + visibility + "\"}");
            assertEquals(200, saved.status(), saved::toString);
        }
        Member owner = TestTenants.invite(site.tenant(), "client");
        String publicJob = postJob(site, owner, "public");
        String membersJob = postJob(site, owner, "members");
        Api visitor = Api.anonymous();

        JsonObject profiles = visitor.get(site.path("/marketplace/public/profiles?q=portrait"))
                .json();
        assertEquals(List.of(shown.id()), ids(profiles), "only the public profile");
        assertEquals(
                200,
                visitor.get(site.path("/marketplace/public/profiles/" + shown.id()))
                        .status());
        assertEquals(
                404,
                visitor.get(site.path("/marketplace/public/profiles/" + hidden.id()))
                        .status());

        JsonObject jobs =
                visitor.get(site.path("/marketplace/public/jobs?q=portraits")).json();
        assertEquals(List.of(publicJob), ids(jobs));
        assertEquals(
                200,
                visitor.get(site.path("/marketplace/public/jobs/" + publicJob)).status());
        assertEquals(
                404,
                visitor.get(site.path("/marketplace/public/jobs/" + membersJob)).status(),
                "members only");
        assertEquals(401, visitor.get(site.path("/marketplace/profiles")).status(), "the rest needs a token");
    }

    private static String postJob(Marketplace site, Member owner, String visibility) {
        Api.Reply job = owner.api()
                .post(
                        site.path("/marketplace/jobs"),
                        "{\"title\": \"Portraits of our staff\", \"description\": \"Twenty portraits.\","
                                + " \"pricing\": \"fixed\", \"currency\": \"eur\", \"visibility\": \""
                                + visibility + "\", \"publish\": true}");
        assertEquals(201, job.status(), job::toString);
        return job.json().getString("id");
    }

    private static Member profile(String headline, String bio, long rate, String skills) {
        Member professional = TestTenants.invite(market.tenant(), "professional");
        Api.Reply saved = professional
                .api()
                .put(
                        market.path("/marketplace/profiles/me"),
                        "{\"headline\": \"%s\", \"bio\": \"%s\", \"hourlyRate\": %d, \"currency\": \"eur\","
                                        .formatted(headline, bio, rate)
                                + " \"skills\": " + skills + "}");
        assertEquals(200, saved.status(), saved::toString);
        return professional;
    }

    /** The professional buys a premium membership that features them in search (through the local Stripe). */
    private static void premium(Member professional) {
        Api.Reply product = market.tenant()
                .admin()
                .api()
                .post(
                        market.path("/billing/products"),
                        "{\"name\": \"Premium\", \"currency\": \"eur\", \"priceMonth\": 1900,"
                                + " \"entitlements\": [\"featured-in-search\", \"early-access-jobs\"]}");
        assertEquals(201, product.status(), product::toString);
        Api.Reply checkout = professional
                .api()
                .post(
                        market.path("/billing/products/" + product.json().getString("id") + "/checkout"),
                        "{\"interval\": \"month\"}");
        assertEquals(201, checkout.status(), checkout::toString);
        assertEquals(
                200,
                LocalStripeControl.pay(checkout.json().getString("id"), "pm_card_visa")
                        .status());
        Await.until("premium", Marketplace.WEBHOOK, () -> {
            String held =
                    professional.api().get(market.path("/billing/entitlements")).body();
            return held.contains("featured-in-search") ? Optional.of(held) : Optional.empty();
        });
    }

    private static String job(String title, String description, String category, String skills, long min, long max) {
        Api.Reply job = client.api()
                .post(
                        market.path("/marketplace/jobs"),
                        ("{\"title\": \"%s\", \"description\": \"%s\", \"category\": \"%s\", \"skills\": %s,"
                                        + " \"pricing\": \"fixed\", \"currency\": \"eur\", \"budgetMin\": %d,"
                                        + " \"budgetMax\": %d, \"publish\": true}")
                                .formatted(title, description, category, skills, min, max));
        assertEquals(201, job.status(), job::toString);
        return job.json().getString("id");
    }

    private static JsonObject search(Member member, String path) {
        Api.Reply reply = member.api().get(market.path(path));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static List<JsonObject> items(JsonObject results) {
        return results.getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static List<String> ids(JsonObject results) {
        return items(results).stream()
                .map(item -> item.containsKey("memberId") ? item.getString("memberId") : item.getString("id"))
                .toList();
    }

    private static List<JsonObject> list(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return jakarta.json.Json.createReader(new java.io.StringReader(reply.body()))
                .readArray()
                .getValuesAs(JsonObject.class);
    }

    private static List<JsonObject> alerts(Member member) {
        return member.api().get(market.path("/notifications?size=50")).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject)
                .filter(n -> "marketplace.search-alert".equals(n.getString("type")))
                .toList();
    }
}
