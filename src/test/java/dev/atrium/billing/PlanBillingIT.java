package dev.atrium.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import dev.atrium.testing.Api;
import dev.atrium.testing.Await;
import dev.atrium.testing.EndpointMatrix;
import dev.atrium.testing.LocalStripeControl;
import dev.atrium.testing.TestSystem;
import dev.atrium.testing.TestTenants;
import dev.atrium.testing.TestTenants.Tenant;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The platform bills tenants for their plans through Stripe (the local Stripe of the test system): Checkout, the plan
 * applied only when Stripe's webhook confirms payment, a failed renewal through the grace period to suspension and
 * back, cancellation to archiving, and bad input.
 */
class PlanBillingIT {

    private static final Duration WEBHOOK = Duration.ofSeconds(20);

    @Test
    void aPaidCheckoutAppliesThePlanAndRecordsTheInvoice() throws Exception {
        Tenant tenant = TestTenants.onboard("plan", "free", "projects");
        Api admin = tenant.admin().api();

        Api.Reply checkout = startCheckout(tenant, "standard", "month");
        assertEquals(201, checkout.status(), checkout::toString);
        String session = checkout.json().getString("id");
        assertEquals(
                session,
                startCheckout(tenant, "standard", "month").json().getString("id"),
                "a double click is the same Checkout");
        assertTrue(checkout.json().getString("url").contains("/checkout/" + session), checkout::toString);
        assertEquals(
                checkout.json().getString("url"), checkout.header("Location").orElseThrow());
        assertEquals("none", standing(tenant).getString("standing"), "nothing changes before Stripe confirms");
        assertEquals("free", standing(tenant).getString("plan"));

        assertEquals(200, LocalStripeControl.pay(session, "pm_card_visa").status());

        JsonObject paid = awaitStanding(tenant, "active");
        assertEquals("standard", paid.getString("plan"));
        assertEquals("month", paid.getString("interval"));
        assertTrue(paid.containsKey("currentPeriodEnd"));
        JsonObject invoice = Await.until("the invoice", WEBHOOK, () -> {
            JsonObject page = admin.get(tenant.path("/billing/plan/invoices")).json();
            return page.getJsonArray("items").isEmpty()
                    ? Optional.empty()
                    : Optional.of(page.getJsonArray("items").getJsonObject(0));
        });
        assertEquals("paid", invoice.getString("status"));
        assertEquals(4900, invoice.getJsonNumber("amountPaid").longValue());
        assertEquals("eur", invoice.getString("currency"));
        assertTrue(invoice.getString("hostedUrl").startsWith("http"), invoice::toString);

        Api.Reply again = startCheckout(tenant, "premium", "year");
        assertEquals(409, again.status(), "a second subscription is bought through the portal, not Checkout");
        assertTrue(again.json().getString("type").endsWith("/plan-already-subscribed"));
        Api.Reply portal = admin.post(tenant.path("/billing/plan/portal"), "{}");
        assertEquals(201, portal.status(), portal::toString);
        assertTrue(portal.json().getString("url").contains("/portal/"), portal::toString);
    }

    @Test
    void aDeclinedCardChangesNothing() {
        Tenant tenant = TestTenants.onboard("plnd", "free", "projects");
        String session = startCheckout(tenant, "standard", "year").json().getString("id");

        LocalStripeControl.Answer declined = LocalStripeControl.pay(session, "pm_card_chargeDeclined");

        assertEquals(402, declined.status(), declined::toString);
        assertEquals("none", standing(tenant).getString("standing"));
        assertEquals("free", standing(tenant).getString("plan"));
        assertEquals(200, LocalStripeControl.pay(session, "pm_card_visa").status(), "the buyer may try again");
        assertEquals("standard", awaitStanding(tenant, "active").getString("plan"));
    }

    @Test
    void aFailedRenewalGoesThroughGraceToSuspensionAndBackWhenPaid() throws Exception {
        Tenant tenant = TestTenants.onboard("plnr", "free", "projects");
        Session session = subscribe(tenant, "standard");
        Api admin = tenant.admin().api();
        LocalStripeControl.cardOnFile(session.getCustomer(), "pm_card_chargeDeclined");

        JsonObject renewal = LocalStripeControl.renew(session.getSubscription()).body();
        JsonObject pastDue = awaitStanding(tenant, "past_due");
        assertNotNull(pastDue.getString("notice"), pastDue::toString);
        assertTrue(pastDue.containsKey("graceUntil"));

        Await.until("suspension after the grace period", WEBHOOK, () -> {
            Api.Reply write = admin.post(tenant.path("/projects"), "{\"name\": \"After grace\"}");
            return write.status() == 403 && write.json().getString("type").endsWith("/tenant-suspended")
                    ? Optional.of(write)
                    : Optional.empty();
        });
        assertEquals(200, admin.get(tenant.path("/projects")).status(), "a suspended tenant is read-only");
        assertEquals(200, admin.get(tenant.path("/billing/plan")).status());
        Api.Reply portal = admin.post(tenant.path("/billing/plan/portal"), "{}");
        assertEquals(201, portal.status(), "paying stays possible while suspended: " + portal);

        String invoice = renewal.containsKey("latest_invoice")
                ? renewal.getString("latest_invoice")
                : LocalStripeControl.client()
                        .subscriptions()
                        .retrieve(session.getSubscription())
                        .getLatestInvoice();
        assertEquals(200, LocalStripeControl.retry(invoice, "pm_card_visa").status());

        awaitStanding(tenant, "active");
        Await.until("resumed", WEBHOOK, () -> {
            Api.Reply write = admin.post(tenant.path("/projects"), "{\"name\": \"Paid again\"}");
            return write.status() == 201 ? Optional.of(write) : Optional.empty();
        });
    }

    @Test
    void aPlanStillUnpaidAfterEveryRetryIsSuspendedAtOnce() throws Exception {
        Tenant tenant = TestTenants.onboard("plnu", "free", "projects");
        Session session = subscribe(tenant, "standard");
        LocalStripeControl.cardOnFile(session.getCustomer(), "pm_card_chargeDeclinedInsufficientFunds");
        LocalStripeControl.renew(session.getSubscription());
        String invoice = LocalStripeControl.client()
                .subscriptions()
                .retrieve(session.getSubscription())
                .getLatestInvoice();
        for (int attempt = 2; attempt <= 4; attempt++) {
            LocalStripeControl.retry(invoice, "pm_card_chargeDeclined");
        }

        JsonObject unpaid = awaitStanding(tenant, "unpaid");
        assertTrue(unpaid.getString("notice").contains("read-only"), unpaid::toString);
        Api.Reply write = tenant.admin().api().post(tenant.path("/projects"), "{\"name\": \"Unpaid\"}");
        assertEquals(403, write.status(), write::toString);
    }

    @Test
    void aCancelledPlanArchivesTheTenantAfterTheGracePeriod() throws Exception {
        Tenant tenant = TestTenants.onboard("plnc", "free", "projects");
        Session session = subscribe(tenant, "standard");

        LocalStripeControl.client().subscriptions().cancel(session.getSubscription());

        JsonObject cancelled = awaitStanding(tenant, "canceled");
        assertTrue(cancelled.getString("notice").contains("archived"), cancelled::toString);
        Await.until("archived", WEBHOOK, () -> {
            JsonObject view = Api.withToken(TestSystem.operatorToken())
                    .get("/api/v1/platform/tenants/" + tenant.slug())
                    .json();
            return "archived".equals(view.getString("status")) ? Optional.of(view) : Optional.empty();
        });
    }

    @Test
    void deletingATenantStopsItsPlanAndItsMembersSubscriptionsAtStripe() throws Exception {
        Tenant tenant = TestTenants.onboard("plnx", "professional", "billing");
        Session plan = subscribe(tenant, "professional");
        String premium = tenant.admin()
                .api()
                .post(
                        tenant.path("/billing/products"),
                        "{\"name\": \"Premium\", \"currency\": \"eur\", \"priceMonth\": 990}")
                .json()
                .getString("id");
        dev.atrium.testing.TestTenants.Member member = TestTenants.invite(tenant, "professional");
        String session = member.api()
                .post(tenant.path("/billing/products/" + premium + "/checkout"), "{\"interval\": \"month\"}")
                .json()
                .getString("id");
        LocalStripeControl.pay(session, "pm_card_visa");
        String membership = Await.until("the membership live", WEBHOOK, () -> {
            Api.Reply mine = member.api().get(tenant.path("/billing/memberships"));
            return mine.json().getJsonArray("items").isEmpty()
                            || !"active"
                                    .equals(mine.json()
                                            .getJsonArray("items")
                                            .getJsonObject(0)
                                            .getString("status"))
                    ? Optional.empty()
                    : Optional.of(session);
        });

        Api.Reply deleted = Api.withToken(TestSystem.operatorToken())
                .delete("/api/v1/platform/tenants/" + tenant.slug() + "?confirm=" + tenant.slug());
        assertEquals(204, deleted.status(), deleted::toString);

        assertEquals(
                "canceled",
                LocalStripeControl.client()
                        .subscriptions()
                        .retrieve(plan.getSubscription())
                        .getStatus());
        String memberSubscription = LocalStripeControl.client()
                .checkout()
                .sessions()
                .retrieve(membership)
                .getSubscription();
        assertEquals(
                "canceled",
                LocalStripeControl.client()
                        .subscriptions()
                        .retrieve(memberSubscription)
                        .getStatus());
    }

    @Test
    void badRequestsAreRefusedWithProblems() {
        Tenant tenant = TestTenants.onboard("plnb", "free", "projects");
        Api admin = tenant.admin().api();

        assertProblem(startCheckout(tenant, "no-such-plan", "month"), 400, null);
        assertProblem(startCheckout(tenant, "free", "month"), 409, "plan-not-sold");
        assertProblem(startCheckout(tenant, "standard", "fortnight"), 400, null);
        assertProblem(
                admin.post(
                        tenant.path("/billing/plan/checkout"),
                        "{\"plan\": \"standard\", \"interval\": \"month\", \"returnUrl\": \"https://evil.example/\"}"),
                400,
                null);
        assertProblem(admin.post(tenant.path("/billing/plan/checkout"), "{\"plan\": 5"), 400, null);
        assertProblem(admin.post(tenant.path("/billing/plan/portal"), "{}"), 409, "no-billing-account");
        assertProblem(admin.get(tenant.path("/billing/plan/invoices?size=500")), 400, null);
    }

    @Test
    void planEndpointsRefuseEveryoneButTheTenantsAdmins() {
        Tenant tenant = TestTenants.onboard("plnm", "free", "projects");
        EndpointMatrix.forModule(tenant, null)
                .admin("GET", "/billing/plan", null)
                .admin("POST", "/billing/plan/checkout", "{\"plan\": \"standard\", \"interval\": \"month\"}")
                .admin("POST", "/billing/plan/portal", "{}")
                .admin("GET", "/billing/plan/invoices", null)
                .verify("Test tenant " + tenant.slug());
    }

    private static Session subscribe(Tenant tenant, String plan) throws StripeException {
        String id = startCheckout(tenant, plan, "month").json().getString("id");
        assertEquals(200, LocalStripeControl.pay(id, "pm_card_visa").status());
        awaitStanding(tenant, "active");
        return LocalStripeControl.client().checkout().sessions().retrieve(id);
    }

    private static Api.Reply startCheckout(Tenant tenant, String plan, String interval) {
        return tenant.admin()
                .api()
                .post(
                        tenant.path("/billing/plan/checkout"),
                        "{\"plan\": \"" + plan + "\", \"interval\": \"" + interval + "\"}");
    }

    private static JsonObject standing(Tenant tenant) {
        Api.Reply reply = tenant.admin().api().get(tenant.path("/billing/plan"));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static JsonObject awaitStanding(Tenant tenant, String standing) {
        return Await.until("standing " + standing, WEBHOOK, () -> {
            JsonObject view = standing(tenant);
            return standing.equals(view.getString("standing")) ? Optional.of(view) : Optional.empty();
        });
    }

    private static void assertProblem(Api.Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.isProblem(), reply::toString);
        assertFalse(reply.body().contains("Exception"), reply::toString);
        if (type != null) {
            assertTrue(reply.json().getString("type").endsWith("/" + type), reply::toString);
        }
    }
}
