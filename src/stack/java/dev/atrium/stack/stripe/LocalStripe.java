package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.Customer;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.Subscription;
import com.stripe.model.WebhookEndpoint;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A local Stripe-compatible server: Stripe's API under {@code /v1} for stripe-java, the buyer's pages, and the control
 * API under {@code /local}, whose operations are also the public methods here for tests in the same JVM. One lock
 * guards the state; in development the state is saved to a file after every change and read back at start. Closing it
 * stops the HTTP server and the webhook delivery thread.
 */
public final class LocalStripe implements AutoCloseable {

    /**
     * How to run the server.
     *
     * @param port the port on the loopback interface, or 0 for any free one
     * @param secretKey the API key stripe-java must present
     * @param stateFile where the state is kept between runs, or null to keep it in memory only
     * @param retries when failed webhook deliveries are tried again
     * @param clock the time of the objects' timestamps and of renewals
     */
    public record Settings(int port, String secretKey, Path stateFile, RetrySchedule retries, Clock clock) {

        /** For tests: any free port, nothing saved, fast retries. */
        public static Settings forTests(String secretKey) {
            return new Settings(0, secretKey, null, RetrySchedule.fast(), Clock.systemUTC());
        }

        public Settings withPort(int port) {
            return new Settings(port, secretKey, stateFile, retries, clock);
        }

        public Settings withStateFile(Path stateFile) {
            return new Settings(port, secretKey, stateFile, retries, clock);
        }

        public Settings withRetries(RetrySchedule retries) {
            return new Settings(port, secretKey, stateFile, retries, clock);
        }
    }

    /** The order in which held webhook deliveries are released. */
    public enum ReleaseOrder {
        CREATED,
        REVERSED
    }

    private final Settings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final StateGuard state = new Guard();
    private final Store store = new Store();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Deliveries deliveries;
    private final Platform platform;
    private final Components components;

    /** The resources, built once the server's address is known (their pages' addresses depend on it). */
    private record Components(
            Checkout checkout,
            Subscriptions subscriptions,
            Invoices invoices,
            Customers customers,
            Disputes disputes,
            ConnectedAccounts accounts,
            WebhookEndpoints webhookEndpoints) {}

    private LocalStripe(Settings settings) throws IOException {
        this.settings = settings;
        load();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 64);
        this.deliveries = new Deliveries(settings.retries(), settings.clock(), this::delivered);
        try {
            this.platform =
                    new Platform(store, Fixtures.load(), settings.clock(), "http://localhost:" + port(), deliveries);
            this.components = wire();
        } catch (RuntimeException failed) {
            deliveries.close();
            server.stop(0);
            throw failed;
        }
        this.executor = Executors.newFixedThreadPool(4, named("local-stripe-http-"));
        server.setExecutor(executor);
    }

    /** Starts a server; it answers as soon as this returns. */
    public static LocalStripe start(Settings settings) throws IOException {
        LocalStripe stripe = new LocalStripe(settings);
        stripe.server.start();
        return stripe;
    }

    private Components wire() {
        PaymentMethods paymentMethods = new PaymentMethods(platform);
        ConnectedAccounts accounts = new ConnectedAccounts(platform);
        Transfers transfers = new Transfers(platform, accounts);
        ApplicationFees fees = new ApplicationFees(platform);
        Disputes disputes = new Disputes(platform);
        Payments payments = new Payments(platform, paymentMethods, transfers, fees, disputes);
        Invoices invoices = new Invoices(platform, payments);
        Subscriptions subscriptions = new Subscriptions(platform, invoices, paymentMethods);
        Customers customers = new Customers(platform, paymentMethods, subscriptions);
        ProductCatalog catalog = new ProductCatalog(platform);
        Checkout checkout = new Checkout(platform, catalog, customers, paymentMethods, payments, subscriptions);
        BillingPortal portal = new BillingPortal(platform, customers);
        WebhookEndpoints webhookEndpoints = new WebhookEndpoints(platform);
        Refunds refunds = new Refunds(platform, transfers, fees);

        Routes api = new Routes();
        customers.register(api);
        catalog.register(api);
        checkout.register(api);
        paymentMethods.register(api);
        payments.register(api);
        refunds.register(api);
        invoices.register(api);
        subscriptions.register(api);
        portal.register(api);
        accounts.register(api);
        transfers.register(api);
        fees.register(api);
        disputes.register(api);
        webhookEndpoints.register(api);
        api.get("/v1/balance", call -> platform.ledger().balance());
        api.get("/v1/balance_transactions", call -> balanceTransactions(call.params()));
        api.get(
                "/v1/balance_transactions/{}",
                call -> store.get("balance_transaction", call.id(), "balance transaction"));

        Expansion expansion = new Expansion(store);
        expansion.include("checkout.session", "line_items", checkout::lineItems);
        expansion.include("invoice", "payments", invoices::payments);

        Routes control = new Routes();
        new ControlApi(platform, checkout, subscriptions, invoices, customers, disputes, accounts, deliveries)
                .register(control);

        IdempotencyKeys keys = new IdempotencyKeys(settings.clock());
        server.createContext(
                "/v1/", new JsonApi(settings.secretKey(), api, Set.of(), state, expansion, platform.events(), keys));
        server.createContext(
                "/local/",
                new JsonApi(
                        settings.secretKey(),
                        control,
                        Set.of(ControlApi.HEALTH),
                        state,
                        expansion,
                        platform.events(),
                        null));
        server.createContext(
                "/",
                new Pages(
                        state,
                        new CheckoutPage(checkout),
                        new PortalPage(portal, subscriptions, customers, store),
                        new OnboardingPage(accounts),
                        new InvoicePage(store, subscriptions),
                        url()));
        return new Components(checkout, subscriptions, invoices, customers, disputes, accounts, webhookEndpoints);
    }

    private JsonObject balanceTransactions(Parameters params) {
        params.allowOnly(ParameterSpec.list("type", "source", "currency", "created", "created[*]"));
        return Listing.page(
                "/v1/balance_transactions",
                store.newestFirst("balance_transaction"),
                params,
                "type",
                "source",
                "currency");
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The server's address: API base and Connect base for stripe-java, and the base of its pages. */
    public String url() {
        return "http://localhost:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String secretKey() {
        return settings.secretKey();
    }

    /** The one lock around the state; a change is followed by Stripe's follow-ups and by saving. */
    private final class Guard implements StateGuard {

        @Override
        public <T> T change(Supplier<T> work) {
            lock.lock();
            try {
                return work.get();
            } finally {
                try {
                    platform.runAfterwards();
                } finally {
                    save();
                    lock.unlock();
                }
            }
        }

        @Override
        public <T> T read(Supplier<T> work) {
            lock.lock();
            try {
                return work.get();
            } finally {
                lock.unlock();
            }
        }
    }

    private void delivered(Deliveries.Delivery delivery) {
        state.change(() -> {
            platform.events().delivered(delivery.eventId());
            return null;
        });
    }

    private void load() throws IOException {
        Path file = settings.stateFile();
        if (file != null && Files.exists(file)) {
            store.restore(Json.read(Files.readString(file, StandardCharsets.UTF_8)));
        }
    }

    /** Writes the state to a temporary file and moves it over the old one, so that a crash never leaves half a file. */
    private void save() {
        Path file = settings.stateFile();
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, Json.write(store.snapshot()), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not save the local Stripe's state to " + file, failed);
        }
    }

    /** The buyer pays a checkout session with a test payment method ({@code pm_card_visa}, …). */
    public Session payCheckoutSession(String sessionId, String paymentMethod) throws StripeException {
        return control(Session.class, () -> components.checkout().pay(sessionId, paymentMethod, null));
    }

    /** Ends the subscription's current period now and starts the next, charging the card on file. */
    public Subscription renewSubscription(String subscriptionId) throws StripeException {
        return renewSubscription(subscriptionId, null);
    }

    /** Ends the current period now and starts the next, charging the given payment method (null: the card on file). */
    public Subscription renewSubscription(String subscriptionId, String paymentMethod) throws StripeException {
        return control(Subscription.class, () -> components.subscriptions().renew(subscriptionId, paymentMethod));
    }

    /** Another automatic attempt to collect an open invoice (null payment method: the card on file). */
    public Invoice retryInvoice(String invoiceId, String paymentMethod) throws StripeException {
        return control(Invoice.class, () -> {
            components.subscriptions().collect(invoiceId, paymentMethod);
            return components.invoices().get(invoiceId);
        });
    }

    /** Makes a test payment method the customer's card on file, which the next renewals charge. */
    public Customer setCardOnFile(String customerId, String paymentMethod) throws StripeException {
        return control(Customer.class, () -> components.customers().changeCardOnFile(customerId, paymentMethod));
    }

    /** The buyer's bank disputes a charge ({@code reason} as Stripe's, null for {@code fraudulent}). */
    public Dispute disputeCharge(String chargeId, String reason) throws StripeException {
        return control(Dispute.class, () -> components.disputes().open(chargeId, reason));
    }

    /** The bank decides a dispute. */
    public Dispute resolveDispute(String disputeId, boolean won) throws StripeException {
        return control(Dispute.class, () -> components.disputes().resolve(disputeId, won));
    }

    /** What the onboarding page's button does: the account is complete and active. */
    public Account completeOnboarding(String accountId) throws StripeException {
        return control(Account.class, () -> components.accounts().onboard(accountId));
    }

    /** New requirements restrict a connected account again (charges and payouts disabled). */
    public Account requireInformation(String accountId, List<String> currentlyDue) throws StripeException {
        return control(Account.class, () -> components.accounts().requireInformation(accountId, currentlyDue));
    }

    /** From now on webhook deliveries wait until {@link #releaseWebhooks}. */
    public void holdWebhooks() {
        deliveries.hold();
    }

    /** Sends the held deliveries in the order their events were made, or the reverse; answers how many. */
    public int releaseWebhooks(ReleaseOrder order) {
        return deliveries.release(order == ReleaseOrder.REVERSED);
    }

    /** Sends an event again to every endpoint that wants it. */
    public Event redeliverEvent(String eventId) throws StripeException {
        return control(Event.class, () -> {
            JsonObject event = store.get("event", eventId, "event");
            platform.events().redeliver(event);
            return event;
        });
    }

    /**
     * Registers a webhook endpoint with a known secret, as an operator registers one on Stripe and copies its
     * secret; an endpoint already registered for the URL (and Connect or not) gets the secret and events instead.
     */
    public WebhookEndpoint registerWebhookEndpoint(String url, boolean connect, String secret, List<String> events)
            throws StripeException {
        return control(WebhookEndpoint.class, () -> {
            for (JsonObject endpoint : store.all("webhook_endpoint")) {
                String id = Json.string(endpoint, "id");
                if (url.equals(Json.string(endpoint, "url")) && WebhookEndpoints.isConnect(store, id) == connect) {
                    return components.webhookEndpoints().reconfigure(endpoint, events, secret);
                }
            }
            return components.webhookEndpoints().register(url, events, connect, secret, Parameters.none());
        });
    }

    /** Waits until no webhook delivery is due or under way (held ones aside); false on timeout. */
    public boolean awaitWebhookDeliveries(Duration timeout) throws InterruptedException {
        return deliveries.awaitIdle(timeout);
    }

    private <T> T control(Class<T> type, Supplier<JsonObject> work) throws StripeException {
        try {
            JsonObject answer = state.change(work);
            return ApiResource.GSON.fromJson(Json.write(answer), type);
        } catch (ApiError refused) {
            throw asStripeException(refused);
        }
    }

    /** The exception stripe-java throws for the same error over HTTP. */
    private static StripeException asStripeException(ApiError error) {
        int status = error.status();
        String message = error.getMessage();
        if (status == 402) {
            return new CardException(
                    message, null, error.code(), error.param(), error.declineCode(), error.charge(), status, null);
        }
        if (status == 401) {
            return new AuthenticationException(message, null, error.code(), status);
        }
        if ("idempotency_error".equals(error.type())) {
            return new IdempotencyException(message, null, error.code(), status);
        }
        if (status == 400 || status == 404) {
            return new InvalidRequestException(message, error.param(), null, error.code(), status, null);
        }
        return new ApiException(message, null, error.code(), status, null);
    }

    /** Stops the HTTP server and the delivery thread; webhooks not yet delivered are dropped. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        deliveries.close();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
