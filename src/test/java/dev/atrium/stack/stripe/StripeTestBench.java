package dev.atrium.stack.stripe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Price;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every test of the local Stripe starts with: a server on a free port, stripe-java pointed at it as the
 * application points it, and two webhook receivers registered as the stack registers its endpoints (one for the
 * platform's events, one Connect endpoint for connected accounts' events).
 */
abstract class StripeTestBench {

    static final String KEY = "sk_test_local_stripe_unit";
    static final String PLATFORM_SECRET = "whsec_test_platform_endpoint";
    static final String CONNECT_SECRET = "whsec_test_connect_endpoint";

    LocalStripe stripe;
    StripeClient client;
    WebhookReceiver platformHooks;
    WebhookReceiver connectHooks;

    @BeforeEach
    void startStripe() throws Exception {
        start(LocalStripe.Settings.forTests(KEY));
    }

    /** Replaces the server by one whose time the test controls. */
    void restartWith(java.time.Clock clock) throws Exception {
        stopStripe();
        LocalStripe.Settings settings = LocalStripe.Settings.forTests(KEY);
        start(new LocalStripe.Settings(0, KEY, null, settings.retries(), clock));
    }

    private void start(LocalStripe.Settings settings) throws Exception {
        stripe = LocalStripe.start(settings);
        client = StripeClient.builder()
                .setApiKey(KEY)
                .setApiBase(stripe.url())
                .setConnectBase(stripe.url())
                .build();
        platformHooks = WebhookReceiver.start(PLATFORM_SECRET);
        connectHooks = WebhookReceiver.start(CONNECT_SECRET);
        stripe.registerWebhookEndpoint(platformHooks.url(), false, PLATFORM_SECRET, List.of("*"));
        stripe.registerWebhookEndpoint(connectHooks.url(), true, CONNECT_SECRET, List.of("*"));
    }

    @AfterEach
    void stopStripe() {
        stripe.close();
        platformHooks.close();
        connectHooks.close();
    }

    /** The types of the platform's events delivered so far, in order, once every delivery is done. */
    List<String> deliveredTypes() throws Exception {
        assertTrue(stripe.awaitWebhookDeliveries(Duration.ofSeconds(10)), "webhooks were not delivered in time");
        return platformHooks.types();
    }

    /** The platform's delivered events of one type, in order. */
    List<Event> delivered(String type) throws Exception {
        assertTrue(stripe.awaitWebhookDeliveries(Duration.ofSeconds(10)), "webhooks were not delivered in time");
        return platformHooks.events().stream()
                .filter(event -> event.getType().equals(type))
                .toList();
    }

    static <T extends StripeObject> T objectOf(Event event, Class<T> type) {
        return type.cast(event.getDataObjectDeserializer().getObject().orElseThrow());
    }

    Customer customer(String email) throws StripeException {
        return client.v1()
                .customers()
                .create(CustomerCreateParams.builder()
                        .setEmail(email)
                        .setName("Sam Example")
                        .build());
    }

    Price oneTimePrice(long amount) throws StripeException {
        return client.v1()
                .prices()
                .create(PriceCreateParams.builder()
                        .setCurrency("usd")
                        .setUnitAmount(amount)
                        .setProductData(PriceCreateParams.ProductData.builder()
                                .setName("Course")
                                .build())
                        .build());
    }

    Price monthlyPrice(long amount) throws StripeException {
        return client.v1()
                .prices()
                .create(PriceCreateParams.builder()
                        .setCurrency("usd")
                        .setUnitAmount(amount)
                        .setRecurring(PriceCreateParams.Recurring.builder()
                                .setInterval(PriceCreateParams.Recurring.Interval.MONTH)
                                .build())
                        .setProductData(PriceCreateParams.ProductData.builder()
                                .setName("Pro plan")
                                .build())
                        .build());
    }

    Session paymentSession(Price price, long quantity) throws StripeException {
        return client.v1()
                .checkout()
                .sessions()
                .create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.PAYMENT)
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setPrice(price.getId())
                                .setQuantity(quantity)
                                .build())
                        .setCustomerEmail("buyer@example.com")
                        .setSuccessUrl("https://app.example/paid?session={CHECKOUT_SESSION_ID}")
                        .setCancelUrl("https://app.example/cancel")
                        .build());
    }

    Session subscriptionSession(Customer customer, Price price) throws StripeException {
        return client.v1()
                .checkout()
                .sessions()
                .create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                        .setCustomer(customer.getId())
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setPrice(price.getId())
                                .setQuantity(1L)
                                .build())
                        .setSuccessUrl("https://app.example/subscribed")
                        .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                                .putMetadata("tenant", "acme")
                                .build())
                        .build());
    }

    /** A subscribed customer: checkout completed with the card, the subscription active. */
    Session subscribed(Customer customer, Price price, String card) throws StripeException {
        return stripe.payCheckoutSession(subscriptionSession(customer, price).getId(), card);
    }

    /** An express account that completed onboarding, so that it can receive transfers. */
    Account onboardedAccount() throws StripeException {
        Account account = client.v1()
                .accounts()
                .create(AccountCreateParams.builder()
                        .setType(AccountCreateParams.Type.EXPRESS)
                        .setCountry("US")
                        .setEmail("teacher@example.com")
                        .setCapabilities(AccountCreateParams.Capabilities.builder()
                                .setTransfers(AccountCreateParams.Capabilities.Transfers.builder()
                                        .setRequested(true)
                                        .build())
                                .build())
                        .build());
        return stripe.completeOnboarding(account.getId());
    }
}
