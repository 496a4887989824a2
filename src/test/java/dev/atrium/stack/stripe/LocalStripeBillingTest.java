package dev.atrium.stack.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.CardException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.billingportal.Session;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.InvoicePayParams;
import com.stripe.param.SubscriptionListParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.billingportal.SessionCreateParams;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Subscriptions after Checkout: renewals, dunning, cancellation, plan changes and the customer portal. */
class LocalStripeBillingTest extends StripeTestBench {

    @Test
    void aRenewalChargesTheCardOnFileAndStartsTheNextPeriod() throws Exception {
        Customer customer = customer("renew@example.com");
        String subscriptionId =
                subscribed(customer, monthlyPrice(2000), "pm_card_visa").getSubscription();
        Subscription before = client.v1().subscriptions().retrieve(subscriptionId);
        int eventsBefore = deliveredTypes().size();

        Subscription renewed = stripe.renewSubscription(subscriptionId);
        assertEquals("active", renewed.getStatus());
        assertNotEquals(before.getLatestInvoice(), renewed.getLatestInvoice());
        long start = renewed.getItems().getData().get(0).getCurrentPeriodStart();
        assertTrue(start >= before.getItems().getData().get(0).getCurrentPeriodStart());
        assertTrue(renewed.getItems().getData().get(0).getCurrentPeriodEnd() >= start + 28 * 86_400);

        Invoice invoice = client.v1().invoices().retrieve(renewed.getLatestInvoice());
        assertEquals("paid", invoice.getStatus());
        assertEquals("subscription_cycle", invoice.getBillingReason());
        assertTrue(invoice.getNumber().endsWith("-0002"), invoice.getNumber());
        assertEquals(
                List.of(
                        "invoice.created",
                        "invoice.finalized",
                        "payment_intent.created",
                        "charge.succeeded",
                        "payment_intent.succeeded",
                        "invoice.paid",
                        "invoice.payment_succeeded",
                        "customer.subscription.updated"),
                deliveredTypes().subList(eventsBefore, eventsBefore + 8));
        Event updated = delivered("customer.subscription.updated").get(0);
        assertTrue(updated.getData().getPreviousAttributes().containsKey("items"));
        assertEquals(
                2,
                client.v1()
                        .invoices()
                        .list(InvoiceListParams.builder()
                                .setSubscription(subscriptionId)
                                .build())
                        .getData()
                        .size());
    }

    @Test
    void failedRenewalsMakeTheSubscriptionPastDueThenUnpaidAndPayingMakesItActiveAgain() throws Exception {
        Customer customer = customer("dunning@example.com");
        String subscriptionId =
                subscribed(customer, monthlyPrice(2000), "pm_card_visa").getSubscription();
        stripe.setCardOnFile(customer.getId(), "pm_card_chargeDeclined");

        Subscription pastDue = stripe.renewSubscription(subscriptionId);
        assertEquals("past_due", pastDue.getStatus());
        Invoice open = client.v1().invoices().retrieve(pastDue.getLatestInvoice());
        assertEquals("open", open.getStatus());
        assertEquals(1L, open.getAttemptCount());
        assertNotNull(open.getNextPaymentAttempt());
        assertEquals(1, delivered("invoice.payment_failed").size());

        CardException declined =
                assertThrows(CardException.class, () -> client.v1().invoices().pay(open.getId()));
        assertEquals("generic_decline", declined.getDeclineCode());
        assertEquals(2L, client.v1().invoices().retrieve(open.getId()).getAttemptCount());
        stripe.retryInvoice(open.getId(), null);
        Invoice fourth = stripe.retryInvoice(open.getId(), null);
        assertEquals(4L, fourth.getAttemptCount());
        assertNull(fourth.getNextPaymentAttempt());
        assertEquals(
                "unpaid", client.v1().subscriptions().retrieve(subscriptionId).getStatus());

        Invoice paid = client.v1()
                .invoices()
                .pay(
                        open.getId(),
                        InvoicePayParams.builder()
                                .setPaymentMethod("pm_card_visa")
                                .build());
        assertEquals("paid", paid.getStatus());
        assertEquals(2000L, paid.getAmountPaid());
        assertEquals(
                "active", client.v1().subscriptions().retrieve(subscriptionId).getStatus());
        List<String> statuses = delivered("customer.subscription.updated").stream()
                .map(event -> objectOf(event, Subscription.class).getStatus())
                .toList();
        assertTrue(statuses.containsAll(List.of("past_due", "unpaid", "active")), statuses.toString());
    }

    @Test
    void cancelAtPeriodEndCancelsAtTheNextRenewal() throws Exception {
        Customer customer = customer("leaving@example.com");
        String subscriptionId =
                subscribed(customer, monthlyPrice(2000), "pm_card_visa").getSubscription();
        Subscription cancelling = client.v1()
                .subscriptions()
                .update(
                        subscriptionId,
                        SubscriptionUpdateParams.builder()
                                .setCancelAtPeriodEnd(true)
                                .build());
        assertTrue(cancelling.getCancelAtPeriodEnd());
        assertEquals(cancelling.getItems().getData().get(0).getCurrentPeriodEnd(), cancelling.getCancelAt());
        assertEquals("active", cancelling.getStatus());
        Event updated = delivered("customer.subscription.updated").get(0);
        assertEquals(false, updated.getData().getPreviousAttributes().get("cancel_at_period_end"));

        Subscription ended = stripe.renewSubscription(subscriptionId);
        assertEquals("canceled", ended.getStatus());
        assertNotNull(ended.getEndedAt());
        assertEquals(1, delivered("customer.subscription.deleted").size());
        assertEquals(1, client.v1().invoices().list().getData().size(), "no invoice for a period that never began");
    }

    @Test
    void cancelingEndsTheSubscriptionAtOnceAndListsLeaveItOut() throws Exception {
        Customer customer = customer("now@example.com");
        String subscriptionId =
                subscribed(customer, monthlyPrice(900), "pm_card_visa").getSubscription();
        Subscription canceled = client.v1()
                .subscriptions()
                .cancel(
                        subscriptionId,
                        com.stripe.param.SubscriptionCancelParams.builder()
                                .setCancellationDetails(
                                        com.stripe.param.SubscriptionCancelParams.CancellationDetails.builder()
                                                .setComment("moving to another tool")
                                                .build())
                                .build());
        assertEquals("canceled", canceled.getStatus());
        assertEquals("moving to another tool", canceled.getCancellationDetails().getComment());
        assertNotNull(canceled.getCanceledAt());
        assertTrue(client.v1().subscriptions().list().getData().isEmpty());
        assertEquals(
                1,
                client.v1()
                        .subscriptions()
                        .list(SubscriptionListParams.builder()
                                .setStatus(SubscriptionListParams.Status.ALL)
                                .setCustomer(customer.getId())
                                .build())
                        .getData()
                        .size());
        assertEquals(1, delivered("customer.subscription.deleted").size());
    }

    @Test
    void aPlanChangeReplacesTheItemsPriceWithoutProration() throws Exception {
        Customer customer = customer("upgrade@example.com");
        String subscriptionId =
                subscribed(customer, monthlyPrice(1000), "pm_card_visa").getSubscription();
        Price bigger = monthlyPrice(3000);
        Subscription subscription = client.v1().subscriptions().retrieve(subscriptionId);
        Subscription upgraded = client.v1()
                .subscriptions()
                .update(
                        subscriptionId,
                        SubscriptionUpdateParams.builder()
                                .addItem(SubscriptionUpdateParams.Item.builder()
                                        .setId(subscription
                                                .getItems()
                                                .getData()
                                                .get(0)
                                                .getId())
                                        .setPrice(bigger.getId())
                                        .build())
                                .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.NONE)
                                .putMetadata("plan", "big")
                                .build());
        assertEquals(
                bigger.getId(), upgraded.getItems().getData().get(0).getPrice().getId());
        assertEquals(3000L, upgraded.getItems().getData().get(0).getPlan().getAmount());
        assertEquals("big", upgraded.getMetadata().get("plan"));
        Subscription renewed = stripe.renewSubscription(subscriptionId);
        assertEquals(
                3000L,
                client.v1().invoices().retrieve(renewed.getLatestInvoice()).getAmountPaid());
    }

    @Test
    void thePortalShowsSubscriptionsAndInvoicesAndCancelsAtPeriodEnd() throws Exception {
        Customer customer = customer("portal@example.com");
        String subscriptionId =
                subscribed(customer, monthlyPrice(2000), "pm_card_visa").getSubscription();
        Session portal = client.v1()
                .billingPortal()
                .sessions()
                .create(SessionCreateParams.builder()
                        .setCustomer(customer.getId())
                        .setReturnUrl("https://app.example/billing")
                        .build());
        assertEquals(stripe.url() + "/portal/" + portal.getId(), portal.getUrl());
        Browser.Page page = Browser.get(portal.getUrl());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Pro plan"), page.body());
        assertTrue(page.body().contains("https://app.example/billing"), page.body());
        assertTrue(page.body().contains("Cancel at period end"), page.body());

        Browser.Page cancel = Browser.post(portal.getUrl() + "/subscriptions/" + subscriptionId + "/cancel", Map.of());
        assertEquals(303, cancel.status());
        assertTrue(client.v1().subscriptions().retrieve(subscriptionId).getCancelAtPeriodEnd());
        assertTrue(Browser.get(portal.getUrl()).body().contains("Resume"));
        Browser.post(portal.getUrl() + "/subscriptions/" + subscriptionId + "/resume", Map.of());
        assertFalse(client.v1().subscriptions().retrieve(subscriptionId).getCancelAtPeriodEnd());
        assertEquals(2, delivered("customer.subscription.updated").size());

        Invoice invoice = client.v1().invoices().list().getData().get(0);
        assertTrue(page.body().contains(invoice.getNumber()), page.body());
        Browser.Page hosted = Browser.get(invoice.getHostedInvoiceUrl());
        assertEquals(200, hosted.status());
        assertTrue(hosted.body().contains("20.00 USD"), hosted.body());
        Browser.Page pdf = Browser.get(invoice.getInvoicePdf());
        assertEquals(200, pdf.status());
        assertTrue(pdf.body().startsWith("%PDF-1.4"));
        assertTrue(pdf.body().contains(invoice.getNumber()));
        assertTrue(pdf.body().trim().endsWith("%%EOF"));
        assertCrossReferencesPointAtTheirObjects(pdf.body());
        assertEquals(pdf.body().length(), pdf.body().getBytes(StandardCharsets.UTF_8).length, "ASCII only");
    }

    /** A PDF reader finds each object through the cross-reference table: every offset must be where it starts. */
    private static void assertCrossReferencesPointAtTheirObjects(String pdf) {
        int xref = Integer.parseInt(pdf.substring(pdf.lastIndexOf("startxref") + 10, pdf.lastIndexOf("%%EOF"))
                .trim());
        assertTrue(pdf.startsWith("xref", xref));
        String[] entries = pdf.substring(xref).split("\n");
        int count = Integer.parseInt(entries[1].split(" ")[1]);
        for (int object = 1; object < count; object++) {
            int offset = Integer.parseInt(entries[2 + object].substring(0, 10));
            assertTrue(pdf.startsWith(object + " 0 obj", offset), "object " + object + " at " + offset);
        }
        int stream = pdf.indexOf("stream\n") + 7;
        int length = Integer.parseInt(pdf.replaceAll("(?s).*/Length (\\d+).*", "$1"));
        assertTrue(pdf.startsWith("\nendstream", stream + length), "the stream is as long as its /Length");
    }

    @Test
    void anOpenInvoiceCanBePaidOnItsHostedPage() throws Exception {
        Customer customer = customer("hosted@example.com");
        String subscriptionId =
                subscribed(customer, monthlyPrice(2000), "pm_card_visa").getSubscription();
        stripe.setCardOnFile(customer.getId(), "pm_card_chargeDeclinedInsufficientFunds");
        Invoice open = client.v1()
                .invoices()
                .retrieve(stripe.renewSubscription(subscriptionId).getLatestInvoice());
        Browser.Page page = Browser.get(open.getHostedInvoiceUrl());
        assertTrue(page.body().contains("Pay 20.00 USD"), page.body());
        Browser.Page declined =
                Browser.post(open.getHostedInvoiceUrl(), Map.of("payment_method", "pm_card_chargeDeclined"));
        assertEquals(402, declined.status());
        assertTrue(declined.body().contains("Your card was declined."), declined.body());
        assertEquals(
                303,
                Browser.post(open.getHostedInvoiceUrl(), Map.of("payment_method", "pm_card_visa"))
                        .status());
        assertEquals("paid", client.v1().invoices().retrieve(open.getId()).getStatus());
        assertEquals(
                "active", client.v1().subscriptions().retrieve(subscriptionId).getStatus());
    }
}
