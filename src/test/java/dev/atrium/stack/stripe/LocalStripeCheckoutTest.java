package dev.atrium.stack.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.LineItem;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import com.stripe.param.InvoiceRetrieveParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checkout as the buyer completes it: both modes, declines, expiry, and the buyer's page. */
class LocalStripeCheckoutTest extends StripeTestBench {

    @Test
    void paymentCheckoutCompletesWithAPaymentIntentAChargeAndItsEventsInOrder() throws Exception {
        Price price = oneTimePrice(2500);
        Session created = client.v1()
                .checkout()
                .sessions()
                .create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.PAYMENT)
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setPrice(price.getId())
                                .setQuantity(2L)
                                .build())
                        .setCustomerEmail("buyer@example.com")
                        .setClientReferenceId("order-7")
                        .putMetadata("order", "7")
                        .setSuccessUrl("https://app.example/paid")
                        .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                                .putMetadata("order", "7")
                                .setDescription("Order 7")
                                .setTransferGroup("order-7")
                                .build())
                        .build());
        assertEquals("open", created.getStatus());
        assertEquals("unpaid", created.getPaymentStatus());
        assertEquals(5000L, created.getAmountTotal());
        assertEquals("usd", created.getCurrency());
        assertEquals(stripe.url() + "/checkout/" + created.getId(), created.getUrl());
        assertTrue(created.getId().startsWith("cs_test_"));
        assertNull(created.getPaymentIntent());

        Session paid = stripe.payCheckoutSession(created.getId(), "pm_card_visa");
        assertEquals("complete", paid.getStatus());
        assertEquals("paid", paid.getPaymentStatus());
        assertEquals("buyer@example.com", paid.getCustomerDetails().getEmail());
        assertNull(paid.getCustomer(), "if_required makes no customer for a one-time payment");

        PaymentIntent intent = client.v1().paymentIntents().retrieve(paid.getPaymentIntent());
        assertEquals("succeeded", intent.getStatus());
        assertEquals(5000L, intent.getAmountReceived());
        assertEquals(Map.of("order", "7"), intent.getMetadata());
        assertEquals("Order 7", intent.getDescription());
        Charge charge = client.v1().charges().retrieve(intent.getLatestCharge());
        assertTrue(charge.getPaid());
        assertTrue(charge.getCaptured());
        assertEquals("succeeded", charge.getStatus());
        assertEquals("order-7", charge.getTransferGroup());
        assertEquals(intent.getId(), charge.getPaymentIntent());
        assertEquals("4242", charge.getPaymentMethodDetails().getCard().getLast4());
        assertEquals("visa", charge.getPaymentMethodDetails().getCard().getBrand());
        assertEquals("buyer@example.com", charge.getBillingDetails().getEmail());
        assertEquals(
                5000L - (145 + 30),
                client.v1()
                        .balanceTransactions()
                        .retrieve(charge.getBalanceTransaction())
                        .getNet());

        assertEquals(
                List.of(
                        "product.created",
                        "price.created",
                        "payment_intent.created",
                        "charge.succeeded",
                        "payment_intent.succeeded",
                        "checkout.session.completed"),
                deliveredTypes());
        Session announced = objectOf(delivered("checkout.session.completed").get(0), Session.class);
        assertEquals("order-7", announced.getClientReferenceId());
        assertEquals(Map.of("order", "7"), announced.getMetadata());
    }

    @Test
    void customerCreationAlwaysMakesTheBuyerACustomerFirst() throws Exception {
        Session created = client.v1()
                .checkout()
                .sessions()
                .create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.PAYMENT)
                        .setCustomerCreation(SessionCreateParams.CustomerCreation.ALWAYS)
                        .setCustomerEmail("new@example.com")
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                        .setCurrency("eur")
                                        .setUnitAmount(1200L)
                                        .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                                .setName("Workshop ticket")
                                                .build())
                                        .build())
                                .setQuantity(1L)
                                .build())
                        .build());
        Session paid = stripe.payCheckoutSession(created.getId(), "pm_card_visa");
        Customer customer = client.v1().customers().retrieve(paid.getCustomer());
        assertEquals("new@example.com", customer.getEmail());
        assertEquals(
                customer.getId(),
                client.v1().paymentIntents().retrieve(paid.getPaymentIntent()).getCustomer());
        List<LineItem> items = client.v1()
                .checkout()
                .sessions()
                .lineItems()
                .list(created.getId())
                .getData();
        assertEquals("Workshop ticket", items.get(0).getDescription());
        assertEquals(1200L, items.get(0).getAmountTotal());
        List<String> types = deliveredTypes();
        assertEquals("customer.created", types.get(types.indexOf("payment_intent.created") - 1));
    }

    @Test
    void declinedCardLeavesTheCheckoutSessionOpen() throws Exception {
        Session created = paymentSession(oneTimePrice(1000), 1);
        CardException declined = assertThrows(
                CardException.class, () -> stripe.payCheckoutSession(created.getId(), "pm_card_chargeDeclined"));
        assertEquals("generic_decline", declined.getDeclineCode());

        Session open = client.v1().checkout().sessions().retrieve(created.getId());
        assertEquals("open", open.getStatus());
        assertEquals("unpaid", open.getPaymentStatus());
        PaymentIntent failed = client.v1().paymentIntents().retrieve(open.getPaymentIntent());
        assertEquals("requires_payment_method", failed.getStatus());
        assertEquals("card_declined", failed.getLastPaymentError().getCode());
        assertEquals(
                List.of(
                        "product.created",
                        "price.created",
                        "payment_intent.created",
                        "charge.failed",
                        "payment_intent.payment_failed"),
                deliveredTypes());

        Session paid = stripe.payCheckoutSession(created.getId(), "pm_card_visa");
        assertEquals("complete", paid.getStatus());
        assertEquals(open.getPaymentIntent(), paid.getPaymentIntent(), "the buyer's second try pays the same intent");
        assertEquals(2, client.v1().charges().list().getData().size());
    }

    @Test
    void subscriptionCheckoutStartsAnActiveSubscriptionWithItsFirstInvoicePaid() throws Exception {
        Price price = monthlyPrice(2000);
        Session created = client.v1()
                .checkout()
                .sessions()
                .create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                        .setCustomerEmail("owner@acme.example")
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setPrice(price.getId())
                                .setQuantity(1L)
                                .build())
                        .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                                .putMetadata("tenant", "acme")
                                .build())
                        .build());
        Session paid = stripe.payCheckoutSession(created.getId(), "pm_card_visa");
        assertEquals("complete", paid.getStatus());
        assertEquals("paid", paid.getPaymentStatus());

        Subscription subscription = client.v1().subscriptions().retrieve(paid.getSubscription());
        assertEquals("active", subscription.getStatus());
        assertEquals(paid.getCustomer(), subscription.getCustomer());
        assertEquals(Map.of("tenant", "acme"), subscription.getMetadata());
        assertEquals(false, subscription.getCancelAtPeriodEnd());
        SubscriptionItem item = subscription.getItems().getData().get(0);
        assertEquals(price.getId(), item.getPrice().getId());
        assertTrue(item.getCurrentPeriodEnd() > item.getCurrentPeriodStart());
        assertEquals(paid.getInvoice(), subscription.getLatestInvoice());

        Invoice invoice = client.v1()
                .invoices()
                .retrieve(
                        subscription.getLatestInvoice(),
                        InvoiceRetrieveParams.builder().addExpand("payments").build());
        assertEquals("paid", invoice.getStatus());
        assertEquals(2000L, invoice.getAmountDue());
        assertEquals(2000L, invoice.getAmountPaid());
        assertEquals(0L, invoice.getAmountRemaining());
        assertEquals("subscription_create", invoice.getBillingReason());
        assertTrue(invoice.getNumber().endsWith("-0001"), invoice.getNumber());
        assertEquals(
                subscription.getId(),
                invoice.getParent().getSubscriptionDetails().getSubscription());
        assertEquals(
                Map.of("tenant", "acme"),
                invoice.getParent().getSubscriptionDetails().getMetadata());
        assertNotNull(invoice.getStatusTransitions().getPaidAt());
        assertEquals(1, invoice.getLines().getData().size());
        assertEquals(stripe.url() + "/invoice/" + invoice.getId(), invoice.getHostedInvoiceUrl());
        String intent = invoice.getPayments().getData().get(0).getPayment().getPaymentIntent();
        assertEquals("succeeded", client.v1().paymentIntents().retrieve(intent).getStatus());

        assertEquals(
                List.of(
                        "customer.created",
                        "payment_intent.created",
                        "charge.succeeded",
                        "payment_intent.succeeded",
                        "customer.subscription.created",
                        "invoice.created",
                        "invoice.finalized",
                        "invoice.paid",
                        "invoice.payment_succeeded",
                        "checkout.session.completed"),
                deliveredTypes().subList(2, 12));
        Event draft = delivered("invoice.created").get(0);
        assertEquals("draft", objectOf(draft, Invoice.class).getStatus());
    }

    @Test
    void aTrialStartsTrialingWithAnInvoiceOfNothing() throws Exception {
        Customer customer = customer("trial@example.com");
        Session created = client.v1()
                .checkout()
                .sessions()
                .create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                        .setCustomer(customer.getId())
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setPrice(monthlyPrice(2000).getId())
                                .setQuantity(1L)
                                .build())
                        .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                                .setTrialPeriodDays(14L)
                                .build())
                        .build());
        Session paid = stripe.payCheckoutSession(created.getId(), "pm_card_visa");
        assertEquals("no_payment_required", paid.getPaymentStatus());
        Subscription subscription = client.v1().subscriptions().retrieve(paid.getSubscription());
        assertEquals("trialing", subscription.getStatus());
        assertEquals(subscription.getTrialStart() + 14 * 86_400, subscription.getTrialEnd());
        assertEquals(
                subscription.getTrialEnd(),
                subscription.getItems().getData().get(0).getCurrentPeriodEnd());
        Invoice invoice = client.v1().invoices().retrieve(paid.getInvoice());
        assertEquals(0L, invoice.getAmountDue());
        assertEquals("paid", invoice.getStatus());
        assertTrue(client.v1().charges().list().getData().isEmpty());

        Subscription renewed = stripe.renewSubscription(subscription.getId());
        assertEquals("active", renewed.getStatus());
        assertEquals(
                2000L,
                client.v1().invoices().retrieve(renewed.getLatestInvoice()).getAmountPaid());
    }

    @Test
    void anExpiredSessionCanNoLongerBePaid() throws Exception {
        Session created = paymentSession(oneTimePrice(1000), 1);
        Session expired = client.v1().checkout().sessions().expire(created.getId());
        assertEquals("expired", expired.getStatus());
        assertNull(expired.getUrl());
        InvalidRequestException refused = assertThrows(
                InvalidRequestException.class, () -> stripe.payCheckoutSession(created.getId(), "pm_card_visa"));
        assertTrue(refused.getMessage().contains("expired"), refused.getMessage());
        assertEquals(1, delivered("checkout.session.expired").size());
    }

    @Test
    void aRecurringPriceIsRefusedInPaymentModeAndAOneTimeOnlyInSubscriptionMode() throws Exception {
        InvalidRequestException recurring =
                assertThrows(InvalidRequestException.class, () -> paymentSession(monthlyPrice(1000), 1));
        assertEquals("line_items[0][price]", recurring.getParam());
        Customer customer = customer("mode@example.com");
        Price oneTime = oneTimePrice(1000);
        InvalidRequestException oneTimeOnly =
                assertThrows(InvalidRequestException.class, () -> subscriptionSession(customer, oneTime));
        assertEquals("line_items", oneTimeOnly.getParam());
    }

    @Test
    void theCheckoutPageWalksABuyerThroughAPurchase() throws Exception {
        Session created = paymentSession(oneTimePrice(2500), 1);
        Browser.Page page = Browser.get(created.getUrl());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("25.00 USD"), page.body());
        assertTrue(page.body().contains("pm_card_chargeDeclined"), page.body());
        assertTrue(page.body().contains("https://app.example/cancel"), page.body());

        Browser.Page declined = Browser.post(
                created.getUrl(), Map.of("payment_method", "pm_card_chargeDeclined", "email", "b@example.com"));
        assertEquals(402, declined.status());
        assertTrue(declined.body().contains("Your card was declined."), declined.body());

        Browser.Page paid = Browser.post(
                created.getUrl(), Map.of("payment_method", "pm_card_visa", "email", "b@example.com", "name", "B"));
        assertEquals(303, paid.status());
        assertEquals("https://app.example/paid?session=" + created.getId(), paid.location());
        assertTrue(Browser.get(created.getUrl()).body().contains("Payment complete"));
        assertEquals(
                "b@example.com",
                client.v1()
                        .checkout()
                        .sessions()
                        .retrieve(created.getId())
                        .getCustomerDetails()
                        .getEmail());
        assertEquals(
                404, Browser.get(stripe.url() + "/checkout/cs_test_unknown").status());
    }

    @Test
    void theControlApiPaysOverHttpAndAnswersADeclineWithACardError() throws Exception {
        Session created = paymentSession(oneTimePrice(1000), 1);
        String pay = stripe.url() + "/local/checkout/sessions/" + created.getId() + "/pay";
        assertEquals(
                401, Browser.post(pay, Map.of("payment_method", "pm_card_visa")).status());

        Browser.Page declined =
                Browser.post(pay, Map.of("payment_method", "pm_card_chargeDeclinedInsufficientFunds"), KEY);
        assertEquals(402, declined.status());
        JsonObject error = Json.read(declined.body()).getAsJsonObject("error");
        assertEquals("card_error", Json.string(error, "type"));
        assertEquals("insufficient_funds", Json.string(error, "decline_code"));

        Browser.Page paid = Browser.post(pay, Map.of("payment_method", "pm_card_visa"), KEY);
        assertEquals(200, paid.status());
        assertEquals("complete", Json.string(Json.read(paid.body()), "status"));
        assertEquals(200, Browser.get(stripe.url() + "/local/health").status());
    }
}
