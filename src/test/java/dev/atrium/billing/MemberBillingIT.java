package dev.atrium.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.model.Event;
import com.stripe.param.EventListParams;
import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.EndpointMatrix;
import dev.atrium.testing.LocalStripeControl;
import dev.atrium.testing.Mailbox;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Member;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant sells to its members through the local Stripe: memberships and items, entitlements granted only when
 * Stripe's webhook confirms payment, receipts (mailed as PDF), the ledger, cancellation, refunds, repeated and
 * reordered webhooks, isolation and bad input.
 */
class MemberBillingIT {

    private static final Duration WEBHOOK = Duration.ofSeconds(20);

    private static Tenant tenant;
    private static String premium;
    private static String workshop;

    @BeforeAll
    static void tenantSelling() {
        tenant = TestTenants.onboard("shop", "professional", "billing", "projects");
        Api.Reply defined = tenant.admin()
                .api()
                .post(
                        tenant.path("/billing/products"),
                        "{\"name\": \"Premium\", \"currency\": \"eur\", \"priceMonth\": 990, \"priceYear\": 9900,"
                                + " \"entitlements\": [\"more-proposals\", \"featured-in-search\"]}");
        assertEquals(201, defined.status(), defined::toString);
        assertTrue(defined.header("ETag").isPresent());
        premium = defined.json().getString("id");
        workshop = tenant.admin()
                .api()
                .post(
                        tenant.path("/billing/products"),
                        "{\"name\": \"Workshop seat\", \"currency\": \"eur\", \"priceOnce\": 5000,"
                                + " \"entitlements\": [\"early-access-jobs\"]}")
                .json()
                .getString("id");
    }

    @Test
    void aMembershipGrantsItsEntitlementsOnceStripeConfirmsThePayment() throws Exception {
        Member professional = TestTenants.invite(tenant, "professional");
        String session = checkout(professional, premium, "month");
        assertEquals(Set.of(), entitlements(professional), "nothing before Stripe confirms");

        assertEquals(200, LocalStripeControl.pay(session, "pm_card_visa").status());

        awaitEntitlements(professional, Set.of("more-proposals", "featured-in-search"));
        JsonObject membership = first(professional.api().get(tenant.path("/billing/memberships")));
        assertEquals("active", membership.getString("status"));
        assertEquals(990, membership.getJsonNumber("amount").longValue());
        JsonObject receipt = Await.until(
                "the receipt", WEBHOOK, () -> firstIfAny(professional.api().get(tenant.path("/billing/receipts"))));
        assertEquals(990, receipt.getJsonNumber("amount").longValue());
        Mailbox.Received mail =
                Mailbox.await(professional.email(), m -> m.subject().contains("receipt"));
        assertEquals(1, mail.attachments().size(), mail::toString);
        assertTrue(new String(mail.attachments().get(0).content(), StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        HttpResponse<byte[]> pdf =
                professional.api().download(tenant.path("/billing/receipts/" + receipt.getString("id") + "/pdf"));
        assertEquals(200, pdf.statusCode());
        assertTrue(new String(pdf.body(), StandardCharsets.ISO_8859_1).startsWith("%PDF"));

        Map<String, Long> lines = ledgerOf(session);
        assertEquals(990L, lines.get("charge"));
        assertEquals(-59L, lines.get("provider-fee"), "Stripe's 2.9 % + 30 of the local Stripe");
        assertEquals(50L, lines.get("platform-fee"));
        assertEquals(940L, lines.get("tenant-share"));

        Member other = TestTenants.invite(tenant, "professional");
        assertEquals(
                404,
                other.api()
                        .download(tenant.path("/billing/receipts/" + receipt.getString("id") + "/pdf"))
                        .statusCode(),
                "another member's receipt");
        assertEquals(Set.of(), entitlements(other));
        Api.Reply twice = professional
                .api()
                .post(tenant.path("/billing/products/" + premium + "/checkout"), "{\"interval\": \"year\"}");
        assertEquals(409, twice.status(), twice::toString);
    }

    @Test
    void buyingAgainBeforePayingIsTheSameCheckoutSoNothingIsPaidTwice() {
        Member client = TestTenants.invite(tenant, "client");

        String first = checkout(client, workshop, null);
        String second = checkout(client, workshop, null);

        assertEquals(first, second);
        assertEquals(200, LocalStripeControl.pay(first, "pm_card_visa").status());
        awaitEntitlements(client, Set.of("early-access-jobs"));
        assertEquals(
                409,
                client.api()
                        .post(tenant.path("/billing/products/" + workshop + "/checkout"), "{}")
                        .status(),
                "bought already");
    }

    @Test
    void anAdminEndsAndRefundsAMembershipAndItsEntitlementsGo() {
        Member professional = TestTenants.invite(tenant, "professional");
        LocalStripeControl.pay(checkout(professional, premium, "month"), "pm_card_visa");
        awaitEntitlements(professional, Set.of("more-proposals", "featured-in-search"));
        String membership = Await.until("the membership's payment recorded", WEBHOOK, () -> {
            String id = first(professional.api().get(tenant.path("/billing/memberships")))
                    .getString("id");
            return linesOf(id).isEmpty() ? Optional.empty() : Optional.of(id);
        });
        String refundPath = tenant.path("/billing/memberships/" + membership + "/refund");
        assertEquals(403, professional.api().post(refundPath, "").status(), "members do not refund themselves");

        Api.Reply refunded = tenant.admin().api().post(refundPath, "");
        assertEquals(202, refunded.status(), refunded::toString);
        assertEquals(990, refunded.json().getJsonNumber("amount").longValue());

        awaitEntitlements(professional, Set.of());
        assertEquals(
                "ended",
                first(professional.api().get(tenant.path("/billing/memberships")))
                        .getString("status"));
        Await.until("the refund in the ledger", WEBHOOK, () -> linesOf(membership).stream()
                .filter(line -> line.getString("kind").equals("refund"))
                .filter(line -> line.getJsonNumber("amount").longValue() == -990)
                .findFirst());
        assertEquals(409, tenant.admin().api().post(refundPath, "").status(), "ended: nothing more to refund");
    }

    @Test
    void aRemovedMemberIsNotBilledAgain() throws Exception {
        Member professional = TestTenants.invite(tenant, "professional");
        String session = checkout(professional, premium, "month");
        LocalStripeControl.pay(session, "pm_card_visa");
        awaitEntitlements(professional, Set.of("more-proposals", "featured-in-search"));
        String subscription = LocalStripeControl.client()
                .checkout()
                .sessions()
                .retrieve(session)
                .getSubscription();

        assertEquals(
                204,
                tenant.admin()
                        .api()
                        .delete(tenant.path("/members/" + professional.id()))
                        .status());

        Await.until("the subscription cancelled at Stripe", WEBHOOK, () -> {
            try {
                String status = LocalStripeControl.client()
                        .subscriptions()
                        .retrieve(subscription)
                        .getStatus();
                return "canceled".equals(status) ? Optional.of(status) : Optional.empty();
            } catch (com.stripe.exception.StripeException failed) {
                throw new IllegalStateException(failed);
            }
        });
    }

    @Test
    void everyWebhookRedeliveredChangesNothingMore() throws Exception {
        Member professional = TestTenants.invite(tenant, "professional");
        String session = checkout(professional, workshop, null);
        LocalStripeControl.pay(session, "pm_card_visa");
        awaitEntitlements(professional, Set.of("early-access-jobs"));
        JsonObject ledgerBefore = ledger();
        long receiptsBefore = receipts(professional);

        List<Event> events = LocalStripeControl.client()
                .events()
                .list(EventListParams.builder().setLimit(30L).build())
                .getData();
        for (Event event : events) {
            LocalStripeControl.redeliver(event.getId());
        }

        // A marker processed after the redeliveries: once its effect shows, they have all been handled.
        Member marker = TestTenants.invite(tenant, "client");
        LocalStripeControl.pay(checkout(marker, workshop, null), "pm_card_visa");
        awaitEntitlements(marker, Set.of("early-access-jobs"));
        assertEquals(receiptsBefore, receipts(professional));
        JsonObject ledgerAfter = ledger();
        assertEquals(
                ledgerBefore.getJsonNumber("total").longValue() + 4,
                ledgerAfter.getJsonNumber("total").longValue(),
                "only the marker's four lines were added");
    }

    @Test
    void aFullRefundRevokesWhatThePurchasePaidForAndIsAskedOnce() throws Exception {
        Member client = TestTenants.invite(tenant, "client");
        LocalStripeControl.pay(checkout(client, workshop, null), "pm_card_visa");
        awaitEntitlements(client, Set.of("early-access-jobs"));
        JsonObject purchase = first(client.api().get(tenant.path("/billing/purchases")));
        String refundPath = tenant.path("/billing/purchases/" + purchase.getString("id") + "/refund");
        Api admin = tenant.admin().api();

        assertEquals(400, admin.post(refundPath, "{\"amount\": 6000}").status(), "more than was paid");
        assertEquals(403, client.api().post(refundPath, "{}").status(), "members do not refund themselves");
        Api.Reply partial = admin.post(refundPath, "{\"amount\": 2000}");
        assertEquals(202, partial.status(), partial::toString);
        Api.Reply repeated = admin.post(refundPath, "{\"amount\": 2000}");
        assertEquals(partial.json().getString("id"), repeated.json().getString("id"), "the same refund, not a second");

        Await.until("the partial refund recorded", WEBHOOK, () -> {
            JsonObject now = first(client.api().get(tenant.path("/billing/purchases")));
            return now.getJsonNumber("amountRefunded").longValue() == 2000 ? Optional.of(now) : Optional.empty();
        });
        assertEquals(Set.of("early-access-jobs"), entitlements(client), "a partial refund keeps the purchase");
        assertEquals(202, admin.post(refundPath, "{}").status());
        awaitEntitlements(client, Set.of());
        assertEquals(
                "refunded",
                first(client.api().get(tenant.path("/billing/purchases"))).getString("status"));
        assertEquals(409, admin.post(refundPath, "{}").status());
        long refunded = ledger().getJsonArray("lines").stream()
                .map(JsonValue::asJsonObject)
                .filter(line -> line.getString("kind").equals("refund"))
                .filter(line -> purchase.getString("id").equals(line.getString("sourceId", null)))
                .mapToLong(line -> line.getJsonNumber("amount").longValue())
                .sum();
        assertEquals(-5000, refunded);
    }

    @Test
    void aLostDisputeTakesBackWhatThePurchasePaidForAndTheLedgerShowsIt() {
        Member client = TestTenants.invite(tenant, "client");
        LocalStripeControl.pay(checkout(client, workshop, null), "pm_card_visa");
        awaitEntitlements(client, Set.of("early-access-jobs"));
        String purchase =
                first(client.api().get(tenant.path("/billing/purchases"))).getString("id");
        String charge = Await.until("the charge line", WEBHOOK, () -> linesOf(purchase).stream()
                .filter(line -> line.getString("kind").equals("charge"))
                .map(line -> line.getString("providerRef"))
                .findFirst());

        LocalStripeControl.Answer opened = LocalStripeControl.dispute(charge);
        assertEquals(200, opened.status(), opened::toString);

        Await.until("the dispute in the ledger", WEBHOOK, () -> linesOf(purchase).stream()
                .filter(line -> line.getString("kind").equals("dispute"))
                .filter(line -> line.getJsonNumber("amount").longValue() == -5000)
                .findFirst());
        assertTrue(
                linesOf(purchase).stream()
                        .anyMatch(line -> line.getString("kind").equals("provider-fee")
                                && line.getJsonNumber("amount").longValue() == -1500),
                "Stripe's dispute fee");
        assertEquals(Set.of("early-access-jobs"), entitlements(client), "kept while the dispute is open");

        assertEquals(
                200,
                LocalStripeControl.resolveDispute(opened.body().getString("id"), "lost")
                        .status());
        awaitEntitlements(client, Set.of());
    }

    @Test
    void cancellingKeepsTheMembershipUntilTheEndOfItsPeriod() throws Exception {
        Member professional = TestTenants.invite(tenant, "professional");
        String session = checkout(professional, premium, "year");
        LocalStripeControl.pay(session, "pm_card_visa");
        awaitEntitlements(professional, Set.of("more-proposals", "featured-in-search"));
        String membership = first(professional.api().get(tenant.path("/billing/memberships")))
                .getString("id");

        JsonObject cancelled = professional
                .api()
                .post(tenant.path("/billing/memberships/" + membership + "/cancel"), "")
                .json();
        assertTrue(cancelled.getBoolean("cancelAtPeriodEnd"), cancelled::toString);
        assertEquals(Set.of("more-proposals", "featured-in-search"), entitlements(professional));

        String subscription = LocalStripeControl.client()
                .checkout()
                .sessions()
                .retrieve(session)
                .getSubscription();
        LocalStripeControl.renew(subscription);

        awaitEntitlements(professional, Set.of());
        assertEquals(
                "ended",
                first(professional.api().get(tenant.path("/billing/memberships")))
                        .getString("status"));
    }

    @Test
    void webhooksInReverseOrderReachTheSameState() throws Exception {
        Member professional = TestTenants.invite(tenant, "professional");
        String session = checkout(professional, premium, "month");
        LocalStripeControl.holdWebhooks();
        try {
            LocalStripeControl.pay(session, "pm_card_visa");
            String subscription = LocalStripeControl.client()
                    .checkout()
                    .sessions()
                    .retrieve(session)
                    .getSubscription();
            LocalStripeControl.client()
                    .subscriptions()
                    .update(
                            subscription,
                            com.stripe.param.SubscriptionUpdateParams.builder()
                                    .setCancelAtPeriodEnd(true)
                                    .build());
        } finally {
            LocalStripeControl.releaseWebhooks("reversed");
        }

        awaitEntitlements(professional, Set.of("more-proposals", "featured-in-search"));
        JsonObject membership = Await.until("the cancellation seen", WEBHOOK, () -> {
            JsonObject now = first(professional.api().get(tenant.path("/billing/memberships")));
            return now.getBoolean("cancelAtPeriodEnd") ? Optional.of(now) : Optional.empty();
        });
        assertEquals("active", membership.getString("status"));
    }

    @Test
    void theLedgersMovementsReconcileWithStripesBalanceTransactions() throws Exception {
        Member client = TestTenants.invite(tenant, "client");
        LocalStripeControl.pay(checkout(client, workshop, null), "pm_card_visa");
        awaitEntitlements(client, Set.of("early-access-jobs"));
        String purchase =
                first(client.api().get(tenant.path("/billing/purchases"))).getString("id");
        tenant.admin().api().post(tenant.path("/billing/purchases/" + purchase + "/refund"), "{\"amount\": 1234}");
        Await.until("the refund in the ledger", WEBHOOK, () -> linesOf(purchase).stream()
                .filter(line -> line.getString("kind").equals("refund"))
                .findFirst());

        Map<String, Long> byBalanceTransaction = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonObject lines = tenant.admin()
                    .api()
                    .get(tenant.path("/billing/ledger?size=100&page=" + page))
                    .json();
            lines.getJsonArray("lines").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(line -> line.containsKey("balanceTransaction"))
                    .forEach(line -> byBalanceTransaction.merge(
                            line.getString("balanceTransaction"),
                            line.getJsonNumber("amount").longValue(),
                            Long::sum));
            if ((page + 1) * 100L >= lines.getJsonNumber("total").longValue()) {
                break;
            }
        }
        assertTrue(byBalanceTransaction.size() >= 3, byBalanceTransaction::toString);
        for (Map.Entry<String, Long> movement : byBalanceTransaction.entrySet()) {
            long net = LocalStripeControl.client()
                    .balanceTransactions()
                    .retrieve(movement.getKey())
                    .getNet();
            assertEquals(net, movement.getValue(), "the ledger's lines of " + movement.getKey());
        }
    }

    @Test
    void professionalsAndTheTenantOnboardPayoutAccountsKeptFromStripesEvents() {
        Member professional = TestTenants.invite(tenant, "professional");
        String mine = tenant.path("/billing/payout-accounts/me");
        assertEquals(404, professional.api().get(mine).status(), "none before onboarding starts");

        Api.Reply opened = professional.api().post(mine, "{\"country\": \"DE\"}");
        assertEquals(200, opened.status(), opened::toString);
        String account = opened.json().getString("accountId");
        assertTrue(opened.json().getString("onboardingUrl").contains("/connect/onboarding/"), opened::toString);
        assertFalse(opened.json().getBoolean("ready"));
        Api.Reply reopened = professional.api().post(mine, "{}");
        assertEquals(account, reopened.json().getString("accountId"), "the same account, a fresh onboarding page");

        assertEquals(200, LocalStripeControl.onboard(account).status());
        JsonObject ready = Await.until("the account ready (account.updated, a Connect event)", WEBHOOK, () -> {
            JsonObject now = professional.api().get(mine).json();
            return now.getBoolean("ready") ? Optional.of(now) : Optional.empty();
        });
        assertTrue(ready.getBoolean("payoutsEnabled"));
        assertEquals(0, ready.getJsonArray("requirementsDue").size());

        Member student = TestTenants.invite(tenant, "student");
        assertEquals(403, student.api().post(mine, "{}").status(), "only professionals are paid");
        Api.Reply tenantAccount = tenant.admin().api().post(tenant.path("/billing/payout-accounts/tenant"), "{}");
        assertEquals(200, tenantAccount.status(), tenantAccount::toString);
        assertFalse(account.equals(tenantAccount.json().getString("accountId")));
        assertEquals(
                400, professional.api().post(mine, "{\"country\": \"Germany\"}").status());
    }

    @Test
    void badInputIsRefusedWithProblems() {
        Api admin = tenant.admin().api();
        Member member = TestTenants.invite(tenant, "student");

        for (String body : List.of(
                "{\"name\": \"Both\", \"currency\": \"eur\", \"priceMonth\": 100, \"priceOnce\": 100}",
                "{\"name\": \"None\", \"currency\": \"eur\"}",
                "{\"name\": \"Bad currency\", \"currency\": \"EURO\", \"priceOnce\": 100}",
                "{\"name\": \"Unknown currency\", \"currency\": \"xyz\", \"priceOnce\": 100}",
                "{\"name\": \"Negative\", \"currency\": \"eur\", \"priceOnce\": -5}",
                "{\"name\": \"Bad entitlement\", \"currency\": \"eur\", \"priceOnce\": 100,"
                        + " \"entitlements\": [\"Not An Id\"]}",
                "{\"name\": 12")) {
            Api.Reply reply = admin.post(tenant.path("/billing/products"), body);
            assertEquals(400, reply.status(), () -> body + " -> " + reply);
            assertTrue(reply.isProblem(), reply::toString);
            assertFalse(reply.body().contains("Exception"), reply::toString);
        }
        Api.Reply noInterval = member.api().post(tenant.path("/billing/products/" + premium + "/checkout"), "{}");
        assertEquals(400, noInterval.status(), noInterval::toString);
        Api.Reply itemPerMonth = member.api()
                .post(tenant.path("/billing/products/" + workshop + "/checkout"), "{\"interval\": \"month\"}");
        assertEquals(409, itemPerMonth.status(), itemPerMonth::toString);
        assertEquals(
                404,
                member.api()
                        .post(tenant.path("/billing/products/" + UUID.randomUUID() + "/checkout"), "{}")
                        .status());
        Api.Reply stale = admin.withHeader("If-Match", "\"99\"")
                .patch(tenant.path("/billing/products/" + premium), "{\"name\": \"Premium+\"}");
        assertEquals(412, stale.status(), stale::toString);
        assertEquals(
                428,
                admin.patch(tenant.path("/billing/products/" + premium), "{\"name\": \"x\"}")
                        .status());
        assertEquals(403, member.api().get(tenant.path("/billing/ledger")).status());
    }

    @Test
    void theOperatorReadsATenantsLedgerAndTenantsCannot() {
        Api operator = Api.withToken(TestSystem.operatorToken());
        assertEquals(
                200,
                operator.get("/api/v1/platform/tenants/" + tenant.slug() + "/billing/ledger")
                        .status());
        assertEquals(
                404,
                operator.get("/api/v1/platform/tenants/no-such-tenant/billing/ledger")
                        .status());
        assertEquals(
                403,
                tenant.admin()
                        .api()
                        .get("/api/v1/platform/tenants/" + tenant.slug() + "/billing/ledger")
                        .status());
    }

    @Test
    void billingEndpointsRefuseOtherTenantsAndTheWrongRoles() {
        String anyId = UUID.randomUUID().toString();
        EndpointMatrix.forModule(tenant, "billing")
                .member("GET", "/billing/products", null)
                .admin("POST", "/billing/products", "{\"name\": \"X\", \"currency\": \"eur\", \"priceOnce\": 100}")
                .member("GET", "/billing/products/" + premium, null)
                .admin("PATCH", "/billing/products/" + premium, "{\"name\": \"X\"}")
                .member("POST", "/billing/products/" + premium + "/checkout", "{\"interval\": \"month\"}")
                .member("GET", "/billing/purchases", null)
                .admin("POST", "/billing/purchases/" + anyId + "/refund", "{}")
                .member("GET", "/billing/memberships", null)
                .admin("POST", "/billing/memberships/" + anyId + "/refund", "")
                .member("POST", "/billing/memberships/" + anyId + "/cancel", "")
                .member("POST", "/billing/memberships/" + anyId + "/resume", "")
                .member("GET", "/billing/entitlements", null)
                .member("GET", "/billing/receipts", null)
                .member("GET", "/billing/receipts/" + anyId + "/pdf", null)
                .admin("GET", "/billing/ledger", null)
                .admin("GET", "/billing/payout-accounts/tenant", null)
                .admin("POST", "/billing/payout-accounts/tenant", "{}")
                .member("GET", "/billing/payout-accounts/me", null)
                .member("POST", "/billing/payout-accounts/me", "{}")
                .verify("Premium");
    }

    private static String checkout(Member member, String product, String interval) {
        Api.Reply reply = member.api()
                .post(
                        tenant.path("/billing/products/" + product + "/checkout"),
                        interval == null ? "{}" : "{\"interval\": \"" + interval + "\"}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    private static Set<String> entitlements(Member member) {
        Api.Reply reply = member.api().get(tenant.path("/billing/entitlements"));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("entitlements").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .collect(Collectors.toSet());
    }

    private static void awaitEntitlements(Member member, Set<String> expected) {
        Await.until(
                "entitlements " + expected,
                WEBHOOK,
                () -> expected.equals(entitlements(member)) ? Optional.of(expected) : Optional.empty());
    }

    private static JsonObject ledger() {
        Api.Reply reply = tenant.admin().api().get(tenant.path("/billing/ledger?size=100"));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** The ledger lines of the charge that paid a Checkout session, by kind. */
    private static Map<String, Long> ledgerOf(String session) throws Exception {
        com.stripe.model.checkout.Session paid =
                LocalStripeControl.client().checkout().sessions().retrieve(session);
        String invoice = LocalStripeControl.client()
                .subscriptions()
                .retrieve(paid.getSubscription())
                .getLatestInvoice();
        com.stripe.model.InvoicePayment.Payment payment = LocalStripeControl.client()
                .invoicePayments()
                .list(com.stripe.param.InvoicePaymentListParams.builder()
                        .setInvoice(invoice)
                        .build())
                .getData()
                .get(0)
                .getPayment();
        String charge = payment.getCharge() != null
                ? payment.getCharge()
                : LocalStripeControl.client()
                        .paymentIntents()
                        .retrieve(payment.getPaymentIntent())
                        .getLatestCharge();
        return Await.until("the ledger lines of " + charge, WEBHOOK, () -> {
            Map<String, Long> lines = new HashMap<>();
            JsonArray all = ledger().getJsonArray("lines");
            all.stream()
                    .map(JsonValue::asJsonObject)
                    .filter(line -> charge.equals(line.getString("providerRef")))
                    .forEach(line -> lines.put(
                            line.getString("kind"), line.getJsonNumber("amount").longValue()));
            return lines.size() >= 4 ? Optional.of(lines) : Optional.empty();
        });
    }

    private static List<JsonObject> linesOf(String source) {
        return ledger().getJsonArray("lines").stream()
                .map(JsonValue::asJsonObject)
                .filter(line -> source.equals(line.getString("sourceId", null)))
                .toList();
    }

    private static long receipts(Member member) {
        return member.api()
                .get(tenant.path("/billing/receipts"))
                .json()
                .getJsonNumber("total")
                .longValue();
    }

    private static JsonObject first(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().getJsonArray("items").getJsonObject(0);
    }

    private static Optional<JsonObject> firstIfAny(Api.Reply reply) {
        JsonArray items = reply.json().getJsonArray("items");
        return items.isEmpty() ? Optional.empty() : Optional.of(items.getJsonObject(0));
    }
}
