package dev.atrium.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.platform.media.SampleFiles;
import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.EndpointMatrix;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Services (Fiverr style) end to end: a professional offers a service in three tiers, a client orders one, which makes a
 * contract with one milestone at the tier's price, funded into escrow through the local Stripe, submitted, sent back
 * as often as the tier includes revisions (and not once more), approved and released. And the rules around it: who
 * offers and who orders, which services are listed and orderable, what input is refused, and that no other tenant
 * sees any of it.
 */
class ServicesIT {

    /** Three tiers in euros: basic 50.00 in 3 days with 1 revision, standard 120.00 in 5 with 2, premium 300.00. */
    private static final String THREE_TIERS = """
            [{"level": "basic", "name": "One concept", "price": 5000, "deliveryDays": 3, "revisions": 1,
              "included": ["1 logo concept", "PNG file"]},
             {"level": "standard", "name": "Three concepts", "price": 12000, "deliveryDays": 5, "revisions": 2,
              "included": ["3 logo concepts", "Vector files"]},
             {"level": "premium", "name": "Full brand", "price": 30000, "currency": "eur", "deliveryDays": 10,
              "revisions": 5, "included": ["5 concepts", "Brand guide", "Business cards"]}]
            """;

    private static Marketplace market;
    private static Member designer;

    @BeforeAll
    static void agency() {
        market = new Marketplace(TestTenants.onboard("svc", "professional", "marketplace", "billing", "notifications"));
        designer = market.professional("Logo designer");
    }

    @Test
    void aClientOrdersTheStandardTierFundsItAndTheWorkIsReleasedAfterTheRevisionsItIncludes() {
        JsonObject service = offer(designer, body("School logo", "design", "[\"logo-design\"]", THREE_TIERS, true));
        assertEquals("active", service.getString("status"));
        assertEquals(
                List.of("basic", "standard", "premium"),
                service.getJsonArray("tiers").getValuesAs(JsonObject.class).stream()
                        .map(tier -> tier.getString("level"))
                        .toList());
        assertEquals(5000, service.getJsonNumber("priceFrom").longValue());
        assertEquals("design", service.getString("category"));
        assertEquals(List.of("logo-design"), strings(service, "skills"));
        String id = service.getString("id");

        Member client = TestTenants.invite(market.tenant(), "client");
        Api.Reply ordered = order(client, id, "standard", "[\"Greenfield Primary\", \"Green and gold\"]");
        assertEquals(201, ordered.status(), ordered::toString);
        JsonObject contract = ordered.json();
        String contractId = contract.getString("id");
        assertTrue(
                ordered.header("Location").orElseThrow().endsWith("/marketplace/contracts/" + contractId),
                ordered::toString);
        assertEquals(id, contract.getString("serviceId"));
        assertFalse(contract.containsKey("jobId"));
        assertFalse(contract.containsKey("proposalId"));
        assertEquals(designer.id(), contract.getString("professionalId"));
        assertEquals(client.id(), contract.getString("clientId"));
        assertEquals(2, contract.getInt("revisionsAllowed"));
        assertEquals("School logo", contract.getString("title"));
        assertEquals(1, contract.getJsonArray("milestones").size(), "one milestone for the tier");
        JsonObject milestone = contract.getJsonArray("milestones").getJsonObject(0);
        assertEquals(12_000, milestone.getJsonNumber("amount").longValue());
        assertEquals("eur", milestone.getString("currency"));
        assertEquals("pending", milestone.getString("status"));
        assertEquals(
                OffsetDateTime.parse(contract.getString("startedAt"))
                        .toLocalDate()
                        .plusDays(5)
                        .toString(),
                milestone.getString("dueDate"),
                "due the standard tier's five delivery days after the order");

        Await.until("the professional told of the order", Marketplace.WEBHOOK, () -> {
            Api.Reply notices = designer.api().get(market.path("/notifications"));
            return notices.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(n -> n.getString("type").equals("marketplace.service-ordered"))
                    .filter(n -> n.getString("link").equals("/marketplace/contracts/" + contractId))
                    .findFirst();
        });

        JsonObject orders = designer.api()
                .get(market.path("/marketplace/services/" + id + "/orders"))
                .json();
        JsonObject theOrder = orders.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("contractId").equals(contractId))
                .findFirst()
                .orElseThrow();
        assertEquals("standard", theOrder.getJsonObject("tier").getString("level"));
        assertEquals(
                "Green and gold",
                theOrder.getJsonArray("requirements").getJsonObject(1).getString("answer"));
        Member otherClient = TestTenants.invite(market.tenant(), "client");
        assertEquals(
                0,
                otherClient
                        .api()
                        .get(market.path("/marketplace/services/" + id + "/orders"))
                        .json()
                        .getJsonNumber("total")
                        .longValue(),
                "another client reads only their own orders");

        Marketplace.Hired hired = new Marketplace.Hired(client, designer, contractId, milestone.getString("id"), null);
        market.fund(hired, hired.first());
        String path = market.milestonePath(hired, hired.first());
        for (int revision = 1; revision <= 2; revision++) {
            market.submit(hired, hired.first());
            Api.Reply sentBack = client.api().post(path + "/request-changes", "{\"note\": \"Greener, please.\"}");
            assertEquals(200, sentBack.status(), "revision " + revision + ": " + sentBack);
            assertEquals("funded", sentBack.json().getString("status"));
        }
        market.submit(hired, hired.first());
        Api.Reply third = client.api().post(path + "/request-changes", "{\"note\": \"Once more.\"}");
        assertEquals(409, third.status(), "the standard tier includes two revisions: " + third);
        assertTrue(third.json().getString("type").endsWith("/revisions-used"), third::toString);
        assertEquals("submitted", market.milestone(hired, hired.first()).getString("status"));

        Api.Reply approved = client.api().post(path + "/approve", "");
        assertEquals(200, approved.status(), approved::toString);
        JsonObject released = market.awaitMilestone(hired, hired.first(), "released");
        assertEquals(12_000, released.getJsonNumber("releasedAmount").longValue());
    }

    @Test
    void onlyProfessionalsOfferServicesAndOnlyClientsOrderThem() {
        Member client = TestTenants.invite(market.tenant(), "client");
        Api.Reply byClient = client.api()
                .post(market.path("/marketplace/services"), body("Not mine", null, null, THREE_TIERS, true));
        assertEquals(403, byClient.status(), byClient::toString);

        String id = offer(designer, body("Flyer design", null, null, THREE_TIERS, true))
                .getString("id");
        Member other = market.professional("Another designer");
        Api.Reply byProfessional = order(other, id, "basic", "[\"x\", \"y\"]");
        assertEquals(403, byProfessional.status(), byProfessional::toString);

        Api.Reply foreignChange = other.api().post(market.path("/marketplace/services/" + id + "/pause"), "");
        assertEquals(403, foreignChange.status(), "another professional sees it but does not change it");
        assertTrue(foreignChange.json().getString("type").endsWith("/not-service-professional"));
    }

    @Test
    void aProfessionalWithoutAProfilePublishesNothing() {
        Member newcomer = TestTenants.invite(market.tenant(), "professional");
        Api.Reply published =
                newcomer.api().post(market.path("/marketplace/services"), body("Fresh", null, null, THREE_TIERS, true));
        assertEquals(409, published.status(), published::toString);
        assertTrue(published.json().getString("type").endsWith("/no-profile"), published::toString);
        Api.Reply drafted = newcomer.api()
                .post(market.path("/marketplace/services"), body("Fresh", null, null, THREE_TIERS, false));
        assertEquals(201, drafted.status(), "a draft needs no profile yet: " + drafted);
    }

    @Test
    void aDraftOrPausedServiceIsNeitherListedNorOrdered() {
        Member professional = market.professional("Copywriter");
        String id = offer(professional, body("Newsletter copy", "writing", null, THREE_TIERS, false))
                .getString("id");
        Member client = TestTenants.invite(market.tenant(), "client");
        String listed = "/marketplace/services?professional=" + professional.id();

        assertEquals(
                404,
                client.api().get(market.path("/marketplace/services/" + id)).status(),
                "a draft is unseen");
        assertEquals(404, order(client, id, "basic", "[\"a\", \"b\"]").status());
        assertEquals(0, total(client.api().get(market.path(listed))));
        assertEquals(
                1,
                total(professional.api().get(market.path("/marketplace/services/mine?status=draft"))),
                "its professional has it among their own");

        assertEquals(
                200,
                professional
                        .api()
                        .post(market.path("/marketplace/services/" + id + "/publish"), "")
                        .status());
        assertEquals(1, total(client.api().get(market.path(listed))));

        Api.Reply paused = professional.api().post(market.path("/marketplace/services/" + id + "/pause"), "");
        assertEquals("paused", paused.json().getString("status"));
        Api.Reply seen = client.api().get(market.path("/marketplace/services/" + id));
        assertEquals(200, seen.status(), "a paused service is seen at its address");
        assertEquals(0, total(client.api().get(market.path(listed))), "but not listed");
        Api.Reply refused = order(client, id, "basic", "[\"a\", \"b\"]");
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.json().getString("type").endsWith("/service-not-active"), refused::toString);

        professional.api().post(market.path("/marketplace/services/" + id + "/publish"), "");
        assertEquals(201, order(client, id, "basic", "[\"a\", \"b\"]").status(), "published again, it is orderable");

        Api.Reply archived = professional.api().post(market.path("/marketplace/services/" + id + "/archive"), "");
        assertEquals("archived", archived.json().getString("status"));
        assertEquals(
                404,
                client.api().get(market.path("/marketplace/services/" + id)).status());
        assertEquals(
                409,
                professional
                        .api()
                        .post(market.path("/marketplace/services/" + id + "/publish"), "")
                        .status(),
                "archived for good");
    }

    @Test
    void aProfessionalCannotOrderTheirOwnService() {
        Member both = TestTenants.invite(market.tenant(), "client");
        Api.Reply roles = market.tenant()
                .admin()
                .api()
                .put(market.path("/members/" + both.id() + "/roles"), "{\"roles\": [\"client\", \"professional\"]}");
        assertEquals(200, roles.status(), roles::toString);
        Api api = Api.withToken(both.freshToken());
        assertEquals(
                200,
                api.put(market.path("/marketplace/profiles/me"), "{\"headline\": \"Both\"}")
                        .status());
        Api.Reply created =
                api.post(market.path("/marketplace/services"), body("My own", null, null, THREE_TIERS, true));
        assertEquals(201, created.status(), created::toString);

        Api.Reply own = api.post(
                market.path("/marketplace/services/" + created.json().getString("id") + "/orders"),
                "{\"tier\": \"basic\", \"answers\": [\"a\", \"b\"]}");
        assertEquals(403, own.status(), own::toString);
        assertTrue(own.json().getString("type").endsWith("/own-service"), own::toString);
    }

    @Test
    void aServiceOfAProfessionalWhoLostTheRoleIsNoLongerListedNorOrderedUntilTheyHoldItAgain() {
        Member professional = market.professional("Translator");
        String id = offer(professional, body("German translation", "translation", null, THREE_TIERS, true))
                .getString("id");
        Member client = TestTenants.invite(market.tenant(), "client");
        assertEquals(
                200,
                client.api().get(market.path("/marketplace/services/" + id)).status());

        Api admin = market.tenant().admin().api();
        String roles = market.path("/members/" + professional.id() + "/roles");
        assertEquals(200, admin.put(roles, "{\"roles\": [\"client\"]}").status());
        assertEquals(
                404,
                client.api().get(market.path("/marketplace/services/" + id)).status());
        assertEquals(404, order(client, id, "basic", "[\"a\", \"b\"]").status());
        assertEquals(
                0, total(client.api().get(market.path("/marketplace/services?professional=" + professional.id()))));
        Api.Reply byAdmin = admin.post(
                market.path("/marketplace/services/" + id + "/orders"),
                "{\"tier\": \"basic\", \"answers\": [\"a\", \"b\"]}");
        assertEquals(409, byAdmin.status(), "an admin sees it, and cannot order it either: " + byAdmin);

        assertEquals(200, admin.put(roles, "{\"roles\": [\"professional\"]}").status());
        assertEquals(
                200,
                client.api().get(market.path("/marketplace/services/" + id)).status(),
                "back with the role");
    }

    @Test
    void revisingNeedsTheCurrentVersionAndAnOrderKeepsTheTierItBought() {
        Api.Reply created = designer.api()
                .post(market.path("/marketplace/services"), body("Poster design", null, null, THREE_TIERS, true));
        String id = created.json().getString("id");
        String etag = created.header("ETag").orElseThrow();
        Member client = TestTenants.invite(market.tenant(), "client");
        String contract = order(client, id, "basic", "[\"a\", \"b\"]").json().getString("id");

        String service = market.path("/marketplace/services/" + id);
        String cheaper = """
                {"tiers": [{"level": "basic", "name": "Quick poster", "price": 4000, "deliveryDays": 2,
                            "revisions": 0}]}
                """;
        assertEquals(428, designer.api().patch(service, cheaper).status(), "If-Match is required");
        assertEquals(
                412,
                designer.api()
                        .withHeader("If-Match", "\"999\"")
                        .patch(service, cheaper)
                        .status());
        Api.Reply revised = designer.api().withHeader("If-Match", etag).patch(service, cheaper);
        assertEquals(200, revised.status(), revised::toString);
        assertEquals(1, revised.json().getJsonArray("tiers").size());
        assertEquals(4000, revised.json().getJsonNumber("priceFrom").longValue());
        assertEquals("Poster design", revised.json().getString("title"), "what was left out stays");
        assertEquals(
                412,
                designer.api()
                        .withHeader("If-Match", etag)
                        .patch(service, cheaper)
                        .status(),
                "stale now");

        JsonObject order = client.api()
                .get(market.path("/marketplace/services/" + id + "/orders"))
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals(contract, order.getString("contractId"));
        assertEquals(5000, order.getJsonObject("tier").getJsonNumber("price").longValue(), "as it was bought");
        assertEquals(1, order.getJsonObject("tier").getInt("revisions"));
        JsonObject bought = client.api()
                .get(market.path("/marketplace/contracts/" + contract))
                .json();
        assertEquals(1, bought.getInt("revisionsAllowed"));
        assertEquals(
                5000,
                bought.getJsonArray("milestones")
                        .getJsonObject(0)
                        .getJsonNumber("amount")
                        .longValue());
    }

    @Test
    void browsingFiltersByTextCategorySkillPriceAndDeliveryTime() {
        Member professional = market.professional("Illustrator");
        String mascot = offer(
                        professional,
                        body("Watercolour mascot illustration", "design", "[\"illustration\"]", """
                        [{"level": "basic", "name": "Sketch", "price": 8000, "deliveryDays": 7, "revisions": 1},
                         {"level": "premium", "name": "Painted", "price": 40000, "deliveryDays": 14, "revisions": 3}]
                        """, true))
                .getString("id");
        String logo = offer(professional, body("Express logo", "design", "[\"logo-design\"]", """
                        [{"level": "basic", "name": "Tomorrow", "price": 3000, "deliveryDays": 1, "revisions": 0}]
                        """, true))
                .getString("id");
        String backend = offer(
                        professional, body("Shop backend", "software-development", "[\"java\"]", """
                        [{"level": "basic", "name": "API", "price": 50000, "currency": "usd", "deliveryDays": 30,
                          "revisions": 2}]
                        """, true, "usd"))
                .getString("id");
        offer(professional, body("Unpublished mascot", "design", null, THREE_TIERS, false));

        Api client = TestTenants.invite(market.tenant(), "client").api();
        String mine = "/marketplace/services?professional=" + professional.id();
        assertEquals(List.of(backend, logo, mascot), ids(client, mine), "newest first, the draft not listed");
        assertEquals(List.of(mascot), ids(client, mine + "&q=watercolours"), "full-text, stemmed");
        assertEquals(List.of(backend), ids(client, mine + "&category=software-development"));
        assertEquals(List.of(logo), ids(client, mine + "&skill=logo-design"));
        assertEquals(List.of(logo, mascot), ids(client, mine + "&currency=eur&maxPrice=10000"));
        assertEquals(List.of(mascot), ids(client, mine + "&currency=eur&minPrice=30000"));
        assertEquals(List.of(logo), ids(client, mine + "&maxDeliveryDays=2"));
        assertEquals(
                List.of(logo),
                ids(client, mine + "&currency=eur&maxPrice=10000&maxDeliveryDays=5"),
                "one tier fits both the price and the time");
        assertEquals(List.of(logo, mascot), ids(client, mine + "&currency=eur&sort=price"));
        assertEquals(List.of(backend), ids(client, mine + "&currency=usd"));
        assertEquals(
                java.util.Set.of(mascot, logo),
                java.util.Set.copyOf(ids(client, mine + "&q=" + encoded("watercolour or express"))),
                "the web-search syntax: either word");
        assertEquals(List.of(), ids(client, mine + "&q=" + encoded("mascot -watercolour")), "not the draft's");
        Api.Reply paged = client.get(market.path(mine + "&size=2&page=1"));
        assertEquals(3, paged.json().getJsonNumber("total").longValue());
        assertEquals(1, paged.json().getJsonArray("items").size());
    }

    @Test
    void aServicesImagesAreReadByWhoeverSeesTheService() {
        Member professional = market.professional("Photographer");
        String image = upload(professional);
        JsonObject draft = offer(professional, """
                {"title": "Portrait session", "description": "Portraits for your staff page.", "currency": "eur",
                 "tiers": %s, "media": ["%s"]}
                """.formatted(THREE_TIERS, image));
        assertEquals(image, draft.getString("coverMediaId"));
        Member client = TestTenants.invite(market.tenant(), "client");
        assertEquals(404, client.api().get(market.path("/media/" + image)).status(), "not while a draft");

        professional.api().post(market.path("/marketplace/services/" + draft.getString("id") + "/publish"), "");
        assertEquals(200, client.api().get(market.path("/media/" + image)).status(), "once it is listed");

        String foreign = upload(client);
        Api.Reply notTheirs = professional
                .api()
                .withHeader("If-Match", "*")
                .patch(
                        market.path("/marketplace/services/" + draft.getString("id")),
                        "{\"media\": [\"" + foreign + "\"]}");
        assertEquals(404, notTheirs.status(), "a professional shows only their own uploads: " + notTheirs);
        assertEquals(
                image,
                professional
                        .api()
                        .get(market.path("/marketplace/services/" + draft.getString("id")))
                        .json()
                        .getString("coverMediaId"));
    }

    @Test
    void badInputIsRefusedWithA400() {
        Api api = designer.api();
        String services = market.path("/marketplace/services");
        String tier = "{\"level\": \"basic\", \"name\": \"B\", \"price\": 100, \"deliveryDays\": 1, \"revisions\": 0}";
        List<String> bodies = List.of(
                body(
                        "Four tiers",
                        null,
                        null,
                        "["
                                + String.join(
                                        ",",
                                        tier,
                                        tier.replace("basic", "standard"),
                                        tier.replace("basic", "premium"),
                                        tier)
                                + "]",
                        false),
                body("Two basics", null, null, "[" + tier + "," + tier + "]", false),
                body("Free", null, null, "[" + tier.replace("100", "0") + "]", false),
                body("Negative", null, null, "[" + tier.replace("100", "-100") + "]", false),
                body(
                        "Two currencies",
                        null,
                        null,
                        "[" + tier.replace("\"price\"", "\"currency\": \"usd\", \"price\"") + "]",
                        false),
                body("Gold", null, null, "[" + tier.replace("basic", "gold") + "]", false),
                body(
                        "Slow",
                        null,
                        null,
                        "[" + tier.replace("\"deliveryDays\": 1", "\"deliveryDays\": 400") + "]",
                        false),
                body("Lines", null, null, "[" + tier.replace("}", ", \"included\": [\"a\\nb\"]}") + "]", false),
                body("No category", "no-such-category", null, "[]", false),
                body("No skill", null, "[\"no-such-skill\"]", "[]", false),
                body("No tiers to publish", null, null, "[]", true),
                body("Unknown currency", null, null, "[]", false, "xyz"),
                body("Upper case", null, null, "[]", false, "EUR"),
                "{\"title\": \"No currency\", \"description\": \"d\"}",
                "{\"title\": ",
                "[]");
        for (String body : bodies) {
            Api.Reply refused = api.post(services, body);
            assertEquals(400, refused.status(), () -> body + " -> " + refused);
            assertTrue(refused.isProblem(), refused::toString);
        }

        String id = offer(designer, body("One tier", null, null, "[" + tier + "]", true, "eur"))
                .getString("id");
        Member client = TestTenants.invite(market.tenant(), "client");
        for (String order : List.of(
                "{\"tier\": \"gold\"}",
                "{\"tier\": \"premium\"}",
                "{\"tier\": \"basic\", \"answers\": [\"too many\"]}",
                "{}",
                "not json")) {
            Api.Reply refused = client.api().post(market.path("/marketplace/services/" + id + "/orders"), order);
            assertEquals(400, refused.status(), () -> order + " -> " + refused);
            assertTrue(refused.isProblem(), refused::toString);
        }
        for (String query : List.of(
                "?sort=cheapest",
                "?minPrice=abc",
                "?minPrice=100",
                "?sort=price",
                "?currency=eur&minPrice=500&maxPrice=100",
                "?currency=EURO",
                "?maxDeliveryDays=0",
                "?professional=not-an-id",
                "?skill=no-such-skill",
                "?q=" + "x".repeat(201),
                "?size=1000")) {
            Api.Reply refused = client.api().get(services + query);
            assertEquals(400, refused.status(), () -> query + " -> " + refused);
            assertTrue(refused.isProblem(), refused::toString);
        }
        assertEquals(400, client.api().get(services + "/mine?status=gone").status());
        assertEquals(400, client.api().get(services + "/not-an-id").status());
        assertEquals(404, client.api().get(services + "/" + UUID.randomUUID()).status());
    }

    @Test
    void anotherTenantSeesNothing() {
        String title = "Secret mascot " + UUID.randomUUID();
        String id = offer(designer, body(title, null, null, THREE_TIERS, true)).getString("id");

        Tenant other = TestTenants.onboard("svc-other", "professional", "marketplace", "billing");
        Member stranger = TestTenants.invite(other, "client");
        Api.Reply theirs = stranger.api().get(other.path("/marketplace/services?q=" + encoded(title)));
        assertEquals(200, theirs.status(), theirs::toString);
        assertEquals(0, theirs.json().getJsonNumber("total").longValue());
        assertEquals(
                404,
                stranger.api().get(other.path("/marketplace/services/" + id)).status());
        Api.Reply across = stranger.api().get(market.path("/marketplace/services/" + id));
        assertEquals(403, across.status(), across::toString);
        assertFalse(across.body().contains(title));

        String service = "/marketplace/services/" + id;
        EndpointMatrix.forModule(market.tenant(), "marketplace")
                .member("GET", "/marketplace/services", null)
                .member("GET", "/marketplace/services/mine", null)
                .member("GET", service, null)
                .member("PATCH", service, "{\"title\": \"Renamed\"}")
                .member("POST", service + "/publish", "")
                .member("POST", service + "/pause", "")
                .member("POST", service + "/archive", "")
                .member("GET", service + "/orders", null)
                .verify(title);
    }

    private static JsonObject offer(Member professional, String body) {
        Api.Reply created = professional.api().post(market.path("/marketplace/services"), body);
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("ETag").isPresent(), created::toString);
        assertTrue(created.header("Location")
                .orElseThrow()
                .endsWith("/marketplace/services/" + created.json().getString("id")));
        return created.json();
    }

    private static String body(String title, String category, String skills, String tiers, boolean publish) {
        return body(title, category, skills, tiers, publish, "eur");
    }

    /** A service with two questions for the client. */
    private static String body(
            String title, String category, String skills, String tiers, boolean publish, String currency) {
        return """
                {"title": "%s", "description": "%s, made to measure.", %s %s "currency": "%s", "tiers": %s,
                 "questions": ["What is your organisation called?", "Which colours do you use?"], "publish": %s}
                """.formatted(
                        title,
                        title,
                        category == null ? "" : "\"category\": \"" + category + "\",",
                        skills == null ? "" : "\"skills\": " + skills + ",",
                        currency,
                        tiers,
                        publish);
    }

    private static Api.Reply order(Member client, String service, String tier, String answers) {
        return client.api()
                .post(
                        market.path("/marketplace/services/" + service + "/orders"),
                        "{\"tier\": \"%s\", \"answers\": %s}".formatted(tier, answers));
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long total(Api.Reply page) {
        assertEquals(200, page.status(), page::toString);
        return page.json().getJsonNumber("total").longValue();
    }

    private static List<String> ids(Api api, String path) {
        Api.Reply page = api.get(market.path(path));
        assertEquals(200, page.status(), page::toString);
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("id"))
                .toList();
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }

    /** A private image of the member's, ready to attach. */
    private static String upload(Member member) {
        Api.Reply uploaded = member.api()
                .upload(
                        market.path("/media?kind=image&filename=cover.png&visibility=private"),
                        "image/png",
                        SampleFiles.png(64, 64));
        assertEquals(201, uploaded.status(), uploaded::toString);
        String id = uploaded.json().getString("id");
        Await.until("the image ready", Duration.ofSeconds(60), () -> {
            JsonObject medium = member.api().get(market.path("/media/" + id)).json();
            return medium.getString("status").equals("ready") ? Optional.of(medium) : Optional.empty();
        });
        return id;
    }
}
