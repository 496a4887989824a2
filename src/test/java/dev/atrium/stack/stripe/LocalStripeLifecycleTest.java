package dev.atrium.stack.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.model.checkout.Session;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, saving, restarting and stopping the server. */
class LocalStripeLifecycleTest {

    private static final String KEY = "sk_test_lifecycle";

    @TempDir
    Path state;

    private static StripeClient clientOf(LocalStripe stripe) {
        return StripeClient.builder()
                .setApiKey(KEY)
                .setApiBase(stripe.url())
                .setConnectBase(stripe.url())
                .build();
    }

    @Test
    void developmentStateIsSavedAfterEveryChangeAndReadBackAtStart() throws Exception {
        Path file = state.resolve("stripe/state.json");
        LocalStripe.Settings settings = LocalStripe.Settings.forTests(KEY).withStateFile(file);
        String customerId;
        String subscriptionId;
        try (LocalStripe first = LocalStripe.start(settings)) {
            StripeClient client = clientOf(first);
            Customer customer = client.v1()
                    .customers()
                    .create(CustomerCreateParams.builder()
                            .setEmail("kept@example.com")
                            .build());
            customerId = customer.getId();
            assertTrue(Files.exists(file));
            assertTrue(Files.readString(file).contains(customerId));
            assertFalse(Files.exists(file.resolveSibling("state.json.tmp")));
            String price = client.v1()
                    .prices()
                    .create(PriceCreateParams.builder()
                            .setCurrency("usd")
                            .setUnitAmount(1000L)
                            .setRecurring(PriceCreateParams.Recurring.builder()
                                    .setInterval(PriceCreateParams.Recurring.Interval.MONTH)
                                    .build())
                            .setProductData(PriceCreateParams.ProductData.builder()
                                    .setName("Kept")
                                    .build())
                            .build())
                    .getId();
            Session session = client.v1()
                    .checkout()
                    .sessions()
                    .create(SessionCreateParams.builder()
                            .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                            .setCustomer(customerId)
                            .addLineItem(SessionCreateParams.LineItem.builder()
                                    .setPrice(price)
                                    .setQuantity(1L)
                                    .build())
                            .build());
            subscriptionId =
                    first.payCheckoutSession(session.getId(), "pm_card_visa").getSubscription();
        }
        try (LocalStripe second = LocalStripe.start(settings)) {
            StripeClient client = clientOf(second);
            assertEquals(
                    "kept@example.com",
                    client.v1().customers().retrieve(customerId).getEmail());
            Subscription renewed = second.renewSubscription(subscriptionId);
            Invoice invoice = client.v1().invoices().retrieve(renewed.getLatestInvoice());
            assertTrue(invoice.getNumber().endsWith("-0002"), "the customer's invoice numbering goes on");
            assertEquals("paid", invoice.getStatus(), "the card on file was kept too");
        }
    }

    @Test
    void theStackRunsTheLocalStripeOn18111InDevelopmentAnd28111InTests() {
        assertEquals(18111, dev.atrium.stack.StackProfile.DEV.stripePort());
        assertEquals(28111, dev.atrium.stack.StackProfile.TEST.stripePort());
        assertEquals("http://localhost:28111", dev.atrium.stack.StackProfile.TEST.stripeUrl());
    }

    @Test
    void withoutAStateFileNothingIsWritten() throws Exception {
        try (LocalStripe stripe = LocalStripe.start(LocalStripe.Settings.forTests(KEY))) {
            clientOf(stripe)
                    .v1()
                    .customers()
                    .create(CustomerCreateParams.builder().build());
        }
        try (var files = Files.list(state)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void closingLeavesNoThreadRunning() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        LocalStripe stripe = LocalStripe.start(LocalStripe.Settings.forTests(KEY));
        try (WebhookReceiver receiver = WebhookReceiver.start("whsec_lifecycle")) {
            stripe.registerWebhookEndpoint(receiver.url(), false, "whsec_lifecycle", List.of("*"));
            receiver.answerNext(5, 500);
            clientOf(stripe)
                    .v1()
                    .customers()
                    .create(CustomerCreateParams.builder().build());
            Thread.sleep(300);
            stripe.close();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Set<String> left = newThreads(before);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = newThreads(before);
        }
        assertEquals(Set.of(), left);
    }

    private static Set<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> !before.contains(thread))
                .map(Thread::getName)
                .filter(name -> name.startsWith("local-stripe")
                        || name.startsWith("HTTP-Dispatcher")
                        || name.startsWith("server-timer"))
                .collect(Collectors.toSet());
    }
}
