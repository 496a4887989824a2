package dev.atrium.stack.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.StripeCollection;
import com.stripe.model.WebhookEndpoint;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.PriceUpdateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local Stripe's API as stripe-java sees it: resources, lists, parameters, errors, idempotency, expansion. */
class LocalStripeTest extends StripeTestBench {

    @Test
    void customersAreCreatedRetrievedUpdatedAndDeleted() throws Exception {
        Customer created = client.v1()
                .customers()
                .create(CustomerCreateParams.builder()
                        .setEmail("sam@acme.example")
                        .setName("Sam")
                        .putMetadata("tenant", "acme")
                        .build());
        assertTrue(created.getId().matches("cus_[0-9A-Za-z]{24}"), created.getId());
        assertEquals(false, created.getLivemode());

        Customer read = client.v1().customers().retrieve(created.getId());
        assertEquals("sam@acme.example", read.getEmail());
        assertEquals(Map.of("tenant", "acme"), read.getMetadata());

        Customer updated = client.v1()
                .customers()
                .update(
                        created.getId(),
                        CustomerUpdateParams.builder()
                                .setName("Sam Example")
                                .putMetadata("tenant", "")
                                .putMetadata("plan", "pro")
                                .build());
        assertEquals("Sam Example", updated.getName());
        assertEquals(Map.of("plan", "pro"), updated.getMetadata());

        Customer deleted = client.v1().customers().delete(created.getId());
        assertTrue(deleted.getDeleted());
        assertTrue(client.v1().customers().retrieve(created.getId()).getDeleted());
        assertEquals(List.of("customer.created", "customer.updated", "customer.deleted"), deliveredTypes());
    }

    @Test
    void productsAndPricesKeepTheirLookupKeysAndRecurrence() throws Exception {
        Product product = client.v1()
                .products()
                .create(ProductCreateParams.builder()
                        .setId("prod_atrium_pro")
                        .setName("Atrium Pro")
                        .build());
        assertEquals("prod_atrium_pro", product.getId());
        Price monthly = client.v1()
                .prices()
                .create(PriceCreateParams.builder()
                        .setProduct(product.getId())
                        .setCurrency("eur")
                        .setUnitAmount(1900L)
                        .setLookupKey("pro_monthly")
                        .setRecurring(PriceCreateParams.Recurring.builder()
                                .setInterval(PriceCreateParams.Recurring.Interval.MONTH)
                                .build())
                        .build());
        assertEquals("recurring", monthly.getType());
        assertEquals("month", monthly.getRecurring().getInterval());
        assertEquals(1L, monthly.getRecurring().getIntervalCount());

        InvalidRequestException taken = assertThrows(InvalidRequestException.class, () -> client.v1()
                .prices()
                .create(PriceCreateParams.builder()
                        .setProduct(product.getId())
                        .setCurrency("eur")
                        .setUnitAmount(1700L)
                        .setLookupKey("pro_monthly")
                        .build()));
        assertEquals("lookup_key", taken.getParam());

        Price moved = client.v1()
                .prices()
                .create(PriceCreateParams.builder()
                        .setProduct(product.getId())
                        .setCurrency("eur")
                        .setUnitAmount(1700L)
                        .setLookupKey("pro_monthly")
                        .setTransferLookupKey(true)
                        .build());
        List<Price> found = client.v1()
                .prices()
                .list(PriceListParams.builder().addLookupKey("pro_monthly").build())
                .getData();
        assertEquals(List.of(moved.getId()), found.stream().map(Price::getId).toList());

        Price archived = client.v1()
                .prices()
                .update(
                        monthly.getId(),
                        PriceUpdateParams.builder().setActive(false).build());
        assertFalse(archived.getActive());
        assertNull(archived.getLookupKey());
    }

    @Test
    void listsPageNewestFirstWithCursorsAndFilters() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(customer("page" + i + "@example.com").getId());
        }
        customer("page2@example.com");

        StripeCollection<Customer> first = client.v1()
                .customers()
                .list(CustomerListParams.builder().setLimit(2L).build());
        assertTrue(first.getHasMore());
        assertEquals("/v1/customers", first.getUrl());
        assertEquals(2, first.getData().size());

        StripeCollection<Customer> second = client.v1()
                .customers()
                .list(CustomerListParams.builder()
                        .setLimit(2L)
                        .setStartingAfter(first.getData().get(1).getId())
                        .build());
        assertEquals(
                List.of(ids.get(3), ids.get(2)),
                second.getData().stream().map(Customer::getId).toList());

        StripeCollection<Customer> before = client.v1()
                .customers()
                .list(CustomerListParams.builder()
                        .setLimit(1L)
                        .setEndingBefore(ids.get(2))
                        .build());
        assertEquals(
                List.of(ids.get(3)),
                before.getData().stream().map(Customer::getId).toList());

        List<String> all = new ArrayList<>();
        client.v1()
                .customers()
                .list(CustomerListParams.builder().setLimit(2L).build())
                .autoPagingIterable()
                .forEach(customer -> all.add(customer.getId()));
        assertEquals(6, all.size());

        StripeCollection<Customer> filtered = client.v1()
                .customers()
                .list(CustomerListParams.builder().setEmail("page2@example.com").build());
        assertEquals(2, filtered.getData().size());

        long created = client.v1().customers().retrieve(ids.get(0)).getCreated();
        StripeCollection<Customer> since = client.v1()
                .customers()
                .list(CustomerListParams.builder()
                        .setCreated(CustomerListParams.Created.builder()
                                .setGte(created)
                                .build())
                        .setLimit(100L)
                        .build());
        assertEquals(6, since.getData().size());
    }

    @Test
    void formParametersNestAndIndexAsStripeJavaSendsThem() {
        Parameters params = Parameters.parse("metadata[plan]=pro&line_items[1][quantity]=2&line_items[0][price]=p0"
                + "&line_items[1][price]=p1&expand[0]=line_items&expand[1]=customer&metadata[note]=a%20b%26c"
                + "&description=&lookup_keys[]=x&lookup_keys[]=y");
        JsonObject values = params.values();
        assertEquals("pro", values.getAsJsonObject("metadata").get("plan").getAsString());
        assertEquals("a b&c", values.getAsJsonObject("metadata").get("note").getAsString());
        assertEquals(2, values.getAsJsonArray("line_items").size());
        assertEquals(
                "p0", params.objects("line_items").get(0).values().get("price").getAsString());
        assertEquals(2L, params.objects("line_items").get(1).integer("quantity"));
        assertEquals(List.of("line_items", "customer"), params.strings("expand"));
        assertEquals(List.of("x", "y"), params.strings("lookup_keys"));
        assertTrue(params.cleared("description"));
        assertNull(params.string("description"));
        InvalidRequestException unknown = assertThrows(InvalidRequestException.class, () -> client.v1()
                .checkout()
                .sessions()
                .create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.PAYMENT)
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setPrice("price_x")
                                .setQuantity(1L)
                                .putExtraParam("colour", "red")
                                .build())
                        .build()));
        assertEquals("line_items[0][colour]", unknown.getParam());
        assertEquals("parameter_unknown", unknown.getCode());
        assertEquals(
                "Received unknown parameter: line_items[0][colour]",
                unknown.getStripeError().getMessage());
    }

    @Test
    void stripeErrorsBecomeTheExceptionsStripeJavaThrowsForThem() throws Exception {
        InvalidRequestException missing = assertThrows(
                InvalidRequestException.class, () -> client.v1().customers().retrieve("cus_nope"));
        assertEquals(404, missing.getStatusCode());
        assertEquals("resource_missing", missing.getCode());
        assertEquals("id", missing.getParam());
        assertEquals("No such customer: 'cus_nope'", missing.getStripeError().getMessage());
        assertTrue(missing.getRequestId().startsWith("req_"), missing.getRequestId());

        InvalidRequestException badReference = assertThrows(InvalidRequestException.class, () -> client.v1()
                .checkout()
                .sessions()
                .create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.PAYMENT)
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setPrice("price_missing")
                                .setQuantity(1L)
                                .build())
                        .build()));
        assertEquals("line_items[0][price]", badReference.getParam());

        InvalidRequestException noQuantity = assertThrows(InvalidRequestException.class, () -> client.v1()
                .checkout()
                .sessions()
                .create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.PAYMENT)
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setPrice(oneTimePrice(500).getId())
                                .build())
                        .build()));
        assertEquals("parameter_missing", noQuantity.getCode());
        assertEquals("line_items[0][quantity]", noQuantity.getParam());

        StripeClient stranger = StripeClient.builder()
                .setApiKey("sk_test_someone_else_entirely")
                .setApiBase(stripe.url())
                .build();
        AuthenticationException refused = assertThrows(
                AuthenticationException.class, () -> stranger.v1().customers().list());
        assertEquals(401, refused.getStatusCode());

        InvalidRequestException asConnectedAccount = assertThrows(InvalidRequestException.class, () -> client.v1()
                .customers()
                .list(
                        CustomerListParams.builder().build(),
                        RequestOptions.builder()
                                .setStripeAccount("acct_someone")
                                .build()));
        assertTrue(asConnectedAccount.getMessage().contains("Stripe-Account"), asConnectedAccount.getMessage());

        CardException declined = assertThrows(CardException.class, () -> client.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder()
                        .setAmount(2000L)
                        .setCurrency("usd")
                        .setPaymentMethod("pm_card_chargeDeclinedInsufficientFunds")
                        .setConfirm(true)
                        .build()));
        assertEquals(402, declined.getStatusCode());
        assertEquals("card_declined", declined.getCode());
        assertEquals("insufficient_funds", declined.getDeclineCode());
        assertTrue(declined.getCharge().startsWith("ch_"));
        assertEquals(
                "requires_payment_method",
                declined.getStripeError().getPaymentIntent().getStatus());
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswerAndRefusesOtherParameters() throws Exception {
        RequestOptions once =
                RequestOptions.builder().setIdempotencyKey("signup-42").build();
        CustomerCreateParams params =
                CustomerCreateParams.builder().setEmail("once@example.com").build();
        Customer first = client.v1().customers().create(params, once);
        Customer again = client.v1().customers().create(params, once);
        assertEquals(first.getId(), again.getId());
        assertEquals(
                "true",
                again.getLastResponse()
                        .headers()
                        .firstValue("Idempotent-Replayed")
                        .orElse(null));
        assertEquals(1, client.v1().customers().list().getData().size());

        IdempotencyException conflict = assertThrows(IdempotencyException.class, () -> client.v1()
                .customers()
                .create(
                        CustomerCreateParams.builder()
                                .setEmail("other@example.com")
                                .build(),
                        once));
        assertEquals(400, conflict.getStatusCode());
        assertEquals(List.of("customer.created"), deliveredTypes());
    }

    @Test
    void expandReplacesIdsWithTheObjectsAlsoOnListsAndNestedPaths() throws Exception {
        Customer customer = customer("expand@example.com");
        Price price = monthlyPrice(1500);
        Session session = subscribed(customer, price, "pm_card_visa");

        Session expanded = client.v1()
                .checkout()
                .sessions()
                .retrieve(
                        session.getId(),
                        SessionRetrieveParams.builder()
                                .addExpand("line_items")
                                .addExpand("customer")
                                .addExpand("subscription.latest_invoice.payments")
                                .build());
        assertEquals(1, expanded.getLineItems().getData().size());
        assertEquals(
                price.getId(),
                expanded.getLineItems().getData().get(0).getPrice().getId());
        assertEquals("expand@example.com", expanded.getCustomerObject().getEmail());
        assertEquals(
                "paid",
                expanded.getSubscriptionObject()
                        .getLatestInvoiceObject()
                        .getPayments()
                        .getData()
                        .get(0)
                        .getStatus());
        assertNull(client.v1().checkout().sessions().retrieve(session.getId()).getLineItems());

        var sessions = client.v1()
                .checkout()
                .sessions()
                .list(com.stripe.param.checkout.SessionListParams.builder()
                        .addExpand("data.customer")
                        .build());
        assertEquals(
                customer.getId(), sessions.getData().get(0).getCustomerObject().getId());
        InvalidRequestException notExpandable = assertThrows(InvalidRequestException.class, () -> client.v1()
                .customers()
                .retrieve(
                        customer.getId(),
                        com.stripe.param.CustomerRetrieveParams.builder()
                                .addExpand("nothing_here")
                                .build(),
                        RequestOptions.getDefault()));
        assertEquals("expand", notExpandable.getParam());
    }

    @Test
    void webhookEndpointsShowTheirSecretOnlyWhenCreated() throws Exception {
        WebhookEndpoint created = client.v1()
                .webhookEndpoints()
                .create(WebhookEndpointCreateParams.builder()
                        .setUrl("https://app.example/hooks")
                        .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CHECKOUT__SESSION__COMPLETED)
                        .build());
        assertTrue(created.getSecret().startsWith("whsec_"));
        assertEquals(List.of("checkout.session.completed"), created.getEnabledEvents());
        WebhookEndpoint read = client.v1().webhookEndpoints().retrieve(created.getId());
        assertNull(read.getSecret());
        assertEquals(3, client.v1().webhookEndpoints().list().getData().size());
        assertTrue(client.v1().webhookEndpoints().delete(created.getId()).getDeleted());
        assertNotEquals(
                created.getId(),
                client.v1().webhookEndpoints().list().getData().get(0).getId());
    }
}
