package dev.atrium.stack.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.StripeCollection;
import com.stripe.net.Webhook;
import com.stripe.param.EventListParams;
import com.stripe.param.WebhookEndpointCreateParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhook delivery: signatures, endpoints' event types, retries, holding, reordering and redelivery. */
class LocalStripeWebhooksTest extends StripeTestBench {

    @Test
    void deliveriesAreSignedWithTheEndpointsSecretAndFailVerificationWithAnother() throws Exception {
        Customer customer = customer("signed@example.com");
        assertTrue(stripe.awaitWebhookDeliveries(Duration.ofSeconds(5)));
        WebhookReceiver.Delivery delivery = platformHooks.deliveries().get(0);
        assertEquals("application/json; charset=utf-8", delivery.contentType());
        assertTrue(delivery.signature().matches("t=\\d+,v1=[0-9a-f]{64}"), delivery.signature());

        Event event = Webhook.constructEvent(delivery.body(), delivery.signature(), PLATFORM_SECRET);
        assertEquals("customer.created", event.getType());
        assertEquals(Events.API_VERSION, event.getApiVersion());
        assertEquals(customer.getId(), objectOf(event, Customer.class).getId());
        assertTrue(event.getRequest().getId().startsWith("req_"));
        Event viaClient = client.constructEvent(delivery.body(), delivery.signature(), PLATFORM_SECRET);
        assertEquals(event.getId(), viaClient.getId());
        assertThrows(
                SignatureVerificationException.class,
                () -> Webhook.constructEvent(delivery.body(), delivery.signature(), CONNECT_SECRET));
        assertTrue(connectHooks.deliveries().isEmpty(), "a platform event is not sent to the Connect endpoint");
    }

    @Test
    void anEndpointReceivesOnlyTheEventTypesItEnabled() throws Exception {
        try (WebhookReceiver checkoutOnly = WebhookReceiver.start("unused")) {
            client.v1()
                    .webhookEndpoints()
                    .create(WebhookEndpointCreateParams.builder()
                            .setUrl(checkoutOnly.url())
                            .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CHECKOUT__SESSION__COMPLETED)
                            .build());
            stripe.payCheckoutSession(paymentSession(oneTimePrice(1000), 1).getId(), "pm_card_visa");
            assertTrue(stripe.awaitWebhookDeliveries(Duration.ofSeconds(5)));
            assertEquals(1, checkoutOnly.deliveries().size());
            assertTrue(checkoutOnly.deliveries().get(0).body().contains("\"checkout.session.completed\""));
        }
    }

    @Test
    void aFailedDeliveryIsTriedAgainUntilTheEndpointAcceptsIt() throws Exception {
        platformHooks.answerNext(2, 500);
        Customer customer = customer("retry@example.com");
        assertTrue(stripe.awaitWebhookDeliveries(Duration.ofSeconds(10)));
        List<Event> events = platformHooks.events();
        assertEquals(1, events.size());
        assertEquals(customer.getId(), objectOf(events.get(0), Customer.class).getId());
        assertEquals(0L, client.v1().events().retrieve(events.get(0).getId()).getPendingWebhooks());
    }

    @Test
    void heldDeliveriesAreReleasedInReverseOrderAndAnEventCanBeRedelivered() throws Exception {
        stripe.holdWebhooks();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(customer("held" + i + "@example.com").getId());
        }
        Thread.sleep(300);
        assertTrue(platformHooks.deliveries().isEmpty());
        assertEquals(3, stripe.releaseWebhooks(LocalStripe.ReleaseOrder.REVERSED));
        assertTrue(stripe.awaitWebhookDeliveries(Duration.ofSeconds(5)));
        List<String> received = platformHooks.events().stream()
                .map(event -> objectOf(event, Customer.class).getId())
                .toList();
        assertEquals(List.of(created.get(2), created.get(1), created.get(0)), received);

        String first = platformHooks.events().get(2).getId();
        stripe.redeliverEvent(first);
        assertTrue(stripe.awaitWebhookDeliveries(Duration.ofSeconds(5)));
        assertEquals(first, platformHooks.events().get(3).getId(), "the same event, delivered twice");
    }

    @Test
    void theControlApiHoldsReleasesAndRedeliversOverHttp() throws Exception {
        String local = stripe.url() + "/local";
        assertEquals(200, Browser.post(local + "/webhooks/hold", Map.of(), KEY).status());
        customer("a@example.com");
        customer("b@example.com");
        Browser.Page released = Browser.post(local + "/webhooks/release", Map.of("order", "created"), KEY);
        assertEquals(2, Json.read(released.body()).get("released").getAsInt());
        assertEquals(List.of("customer.created", "customer.created"), deliveredTypes());
        String eventId = platformHooks.events().get(0).getId();
        Browser.Page redelivered = Browser.post(local + "/events/" + eventId + "/redeliver", Map.of(), KEY);
        assertEquals(eventId, Json.string(Json.read(redelivered.body()), "id"));
        assertEquals(3, deliveredTypes().size());
        assertEquals(
                404,
                Browser.post(local + "/events/evt_nope/redeliver", Map.of(), KEY)
                        .status());
    }

    @Test
    void eventsAreListedNewestFirstAndByType() throws Exception {
        customer("one@example.com");
        customer("two@example.com");
        stripe.payCheckoutSession(paymentSession(oneTimePrice(1000), 1).getId(), "pm_card_visa");
        StripeCollection<Event> customers = client.v1()
                .events()
                .list(EventListParams.builder().setType("customer.created").build());
        assertEquals(2, customers.getData().size());
        assertEquals(
                "two@example.com",
                objectOf(customers.getData().get(0), Customer.class).getEmail());
        Event newest = client.v1().events().list().getData().get(0);
        assertEquals("checkout.session.completed", newest.getType());
        assertEquals(
                newest.getId(), client.v1().events().retrieve(newest.getId()).getId());
    }
}
