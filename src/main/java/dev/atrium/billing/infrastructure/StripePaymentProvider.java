package dev.atrium.billing.infrastructure;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceListParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import dev.atrium.billing.Money;
import dev.atrium.billing.domain.BillingInterval;
import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.billing.domain.PaymentProviderException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stripe through stripe-java: the one adapter of {@link PaymentProvider}. Production talks to api.stripe.com with the
 * keys from the installation's secrets; development and tests talk to the local Stripe-compatible server of the stack,
 * with only {@code atrium.stripe.api-base} changed. stripe-java retries a failed call itself (with the same
 * idempotency key), and every create here carries the caller's key.
 */
@ApplicationScoped
public class StripePaymentProvider implements PaymentProvider {

    private static final Logger LOG = Logger.getLogger(StripePaymentProvider.class.getName());

    @Inject
    @ConfigProperty(name = "atrium.stripe.secret-key")
    Optional<String> secretKey;

    @Inject
    @ConfigProperty(name = "atrium.stripe.api-base", defaultValue = "https://api.stripe.com")
    String apiBase;

    /** The signing secrets of the webhook endpoints (the platform's and the Connect one), comma-separated. */
    @Inject
    @ConfigProperty(name = "atrium.stripe.webhook-secrets")
    Optional<String> webhookSecrets;

    /** How old a signed event may be: a replay of an old, validly signed delivery is refused. */
    @Inject
    @ConfigProperty(name = "atrium.stripe.webhook-tolerance", defaultValue = "PT5M")
    Duration webhookTolerance;

    private StripeClient client;
    private List<String> secrets;

    @PostConstruct
    void connect() {
        secrets = webhookSecrets.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(secret -> !secret.isEmpty())
                .toList();
        client = secretKey
                .filter(key -> !key.isBlank())
                .map(key -> StripeClient.builder()
                        .setApiKey(key)
                        .setApiBase(apiBase)
                        .setConnectBase(apiBase)
                        .setFilesBase(apiBase)
                        .setConnectTimeout(5_000)
                        .setReadTimeout(30_000)
                        .setMaxNetworkRetries(2)
                        .build())
                .orElse(null);
    }

    @Override
    public boolean isConfigured() {
        return client != null;
    }

    @Override
    public String createCustomer(NewCustomer customer, String idempotencyKey) {
        return call(() -> stripe().customers()
                .create(
                        CustomerCreateParams.builder()
                                .setEmail(customer.email())
                                .setName(customer.name())
                                .putAllMetadata(customer.metadata())
                                .build(),
                        keyed(idempotencyKey))
                .getId());
    }

    @Override
    public String recurringPrice(PriceSpec spec) {
        return call(() -> {
            for (Price price : stripe().prices()
                    .list(PriceListParams.builder()
                            .addLookupKey(spec.lookupKey())
                            .setActive(true)
                            .build())
                    .getData()) {
                if (costs(price, spec)) {
                    return price.getId();
                }
            }
            String productId = product(spec);
            return stripe().prices()
                    .create(
                            PriceCreateParams.builder()
                                    .setProduct(productId)
                                    .setCurrency(spec.amount().currency())
                                    .setUnitAmount(spec.amount().minor())
                                    .setRecurring(PriceCreateParams.Recurring.builder()
                                            .setInterval(
                                                    spec.interval() == BillingInterval.YEAR
                                                            ? PriceCreateParams.Recurring.Interval.YEAR
                                                            : PriceCreateParams.Recurring.Interval.MONTH)
                                            .build())
                                    .setLookupKey(spec.lookupKey())
                                    .setTransferLookupKey(true)
                                    .build(),
                            keyed("price-" + spec.lookupKey() + "-"
                                    + spec.amount().minor() + "-"
                                    + spec.amount().currency()))
                    .getId();
        });
    }

    /** The product a price belongs to: one per lookup key, with the lookup key as its id, made once. */
    private String product(PriceSpec spec) throws StripeException {
        String productId = spec.lookupKey();
        try {
            return stripe().products().retrieve(productId).getId();
        } catch (InvalidRequestException missing) {
            if (missing.getStatusCode() == null || missing.getStatusCode() != 404) {
                throw missing;
            }
        }
        return stripe().products()
                .create(
                        ProductCreateParams.builder()
                                .setId(productId)
                                .setName(spec.productName())
                                .build(),
                        keyed("product-" + productId))
                .getId();
    }

    private static boolean costs(Price price, PriceSpec spec) {
        return price.getUnitAmount() != null
                && price.getUnitAmount() == spec.amount().minor()
                && spec.amount().currency().equals(price.getCurrency())
                && price.getRecurring() != null
                && spec.interval().id().equals(price.getRecurring().getInterval());
    }

    @Override
    public HostedPage subscriptionCheckout(SubscriptionCheckout checkout, String idempotencyKey) {
        return open(
                session(
                                checkout.customerId(),
                                checkout.successUrl(),
                                checkout.cancelUrl(),
                                checkout.reference(),
                                checkout.metadata(),
                                checkout.expiresAt())
                        .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setPrice(checkout.priceId())
                                .setQuantity(1L)
                                .build())
                        .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                                .putAllMetadata(checkout.metadata())
                                .build()),
                idempotencyKey);
    }

    @Override
    public HostedPage paymentCheckout(PaymentCheckout checkout, String idempotencyKey) {
        return open(
                session(
                                checkout.customerId(),
                                checkout.successUrl(),
                                checkout.cancelUrl(),
                                checkout.reference(),
                                checkout.metadata(),
                                checkout.expiresAt())
                        .setMode(SessionCreateParams.Mode.PAYMENT)
                        .addLineItem(lineItem(checkout.description(), checkout.amount(), null))
                        .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                                .putAllMetadata(checkout.metadata())
                                .setTransferGroup(checkout.transferGroup())
                                .setDescription(checkout.description())
                                .build()),
                idempotencyKey);
    }

    @Override
    public HostedPage membershipCheckout(MembershipCheckout checkout, String idempotencyKey) {
        return open(
                session(
                                checkout.customerId(),
                                checkout.successUrl(),
                                checkout.cancelUrl(),
                                checkout.reference(),
                                checkout.metadata(),
                                checkout.expiresAt())
                        .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                        .addLineItem(lineItem(checkout.description(), checkout.amount(), checkout.interval()))
                        .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                                .putAllMetadata(checkout.metadata())
                                .build()),
                idempotencyKey);
    }

    /** What every Checkout of Atrium's has: the customer, where the buyer returns, Atrium's reference, the expiry. */
    private static SessionCreateParams.Builder session(
            String customer,
            String successUrl,
            String cancelUrl,
            String reference,
            Map<String, String> metadata,
            Instant expiresAt) {
        return SessionCreateParams.builder()
                .setCustomer(customer)
                .setSuccessUrl(successUrl)
                .setCancelUrl(cancelUrl)
                .setClientReferenceId(reference)
                .setExpiresAt(expiresAt.getEpochSecond())
                .putAllMetadata(metadata);
    }

    /** One line at Atrium's own price (no price kept at the provider), recurring when an interval is given. */
    private static SessionCreateParams.LineItem lineItem(String name, Money amount, BillingInterval interval) {
        SessionCreateParams.LineItem.PriceData.Builder price = SessionCreateParams.LineItem.PriceData.builder()
                .setCurrency(amount.currency())
                .setUnitAmount(amount.minor())
                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                        .setName(name)
                        .build());
        if (interval != null) {
            price.setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                    .setInterval(
                            interval == BillingInterval.YEAR
                                    ? SessionCreateParams.LineItem.PriceData.Recurring.Interval.YEAR
                                    : SessionCreateParams.LineItem.PriceData.Recurring.Interval.MONTH)
                    .build());
        }
        return SessionCreateParams.LineItem.builder()
                .setPriceData(price.build())
                .setQuantity(1L)
                .build();
    }

    private HostedPage open(SessionCreateParams.Builder session, String idempotencyKey) {
        Session opened = call(() -> stripe().checkout().sessions().create(session.build(), keyed(idempotencyKey)));
        return new HostedPage(opened.getId(), opened.getUrl());
    }

    @Override
    public RefundState refund(String paymentIntentId, Money amount, String idempotencyKey) {
        com.stripe.model.Refund refund = call(() -> stripe().refunds()
                .create(
                        com.stripe.param.RefundCreateParams.builder()
                                .setPaymentIntent(paymentIntentId)
                                .setAmount(amount.minor())
                                .build(),
                        keyed(idempotencyKey)));
        return refundState(refund, null);
    }

    @Override
    public RefundState refundCharge(String chargeId, String idempotencyKey) {
        com.stripe.model.Refund refund = call(() -> stripe().refunds()
                .create(
                        com.stripe.param.RefundCreateParams.builder()
                                .setCharge(chargeId)
                                .build(),
                        keyed(idempotencyKey)));
        return refundState(refund, null);
    }

    @Override
    public ChargeState charge(String chargeId) {
        return call(() -> chargeState(stripe().charges()
                .retrieve(
                        chargeId,
                        com.stripe.param.ChargeRetrieveParams.builder()
                                .addExpand("balance_transaction")
                                .build(),
                        RequestOptions.getDefault())));
    }

    /** A charge (its balance transaction expanded) with its refunds, which are read only if there are any. */
    private ChargeState chargeState(com.stripe.model.Charge charge) throws StripeException {
        List<RefundState> refunds = new java.util.ArrayList<>();
        if (orZero(charge.getAmountRefunded()) > 0) {
            for (com.stripe.model.Refund refund : stripe().refunds()
                    .list(com.stripe.param.RefundListParams.builder()
                            .setCharge(charge.getId())
                            .setLimit(100L)
                            .addExpand("data.balance_transaction")
                            .build())
                    .getData()) {
                refunds.add(refundState(refund, refund.getBalanceTransactionObject()));
            }
        }
        return new ChargeState(
                charge.getId(),
                charge.getCustomer(),
                charge.getPaymentIntent(),
                Money.of(orZero(charge.getAmount()), charge.getCurrency()),
                orZero(charge.getAmountRefunded()),
                Boolean.TRUE.equals(charge.getDisputed()),
                balance(charge.getBalanceTransactionObject()),
                List.copyOf(refunds),
                instant(charge.getCreated()));
    }

    @Override
    public DisputeState dispute(String disputeId) {
        com.stripe.model.Dispute dispute = call(() -> stripe().disputes().retrieve(disputeId));
        List<BalanceEntry> movements = dispute.getBalanceTransactions() == null
                ? List.of()
                : dispute.getBalanceTransactions().stream()
                        .map(StripePaymentProvider::balance)
                        .toList();
        return new DisputeState(
                dispute.getId(),
                dispute.getCharge(),
                Money.of(orZero(dispute.getAmount()), dispute.getCurrency()),
                dispute.getStatus(),
                dispute.getReason(),
                movements);
    }

    @Override
    public String invoiceCharge(String invoiceId) {
        return call(() -> {
            for (com.stripe.model.InvoicePayment payment : stripe().invoicePayments()
                    .list(com.stripe.param.InvoicePaymentListParams.builder()
                            .setInvoice(invoiceId)
                            .build())
                    .getData()) {
                if (!"paid".equals(payment.getStatus()) || payment.getPayment() == null) {
                    continue;
                }
                if (payment.getPayment().getCharge() != null) {
                    return payment.getPayment().getCharge();
                }
                if (payment.getPayment().getPaymentIntent() != null) {
                    return stripe().paymentIntents()
                            .retrieve(payment.getPayment().getPaymentIntent())
                            .getLatestCharge();
                }
            }
            return null;
        });
    }

    private static RefundState refundState(com.stripe.model.Refund refund, com.stripe.model.BalanceTransaction entry) {
        return new RefundState(
                refund.getId(),
                refund.getStatus(),
                Money.of(orZero(refund.getAmount()), refund.getCurrency()),
                balance(entry),
                instant(refund.getCreated()));
    }

    private static BalanceEntry balance(com.stripe.model.BalanceTransaction entry) {
        return entry == null
                ? null
                : new BalanceEntry(
                        entry.getId(),
                        entry.getType(),
                        orZero(entry.getAmount()),
                        orZero(entry.getFee()),
                        orZero(entry.getNet()),
                        entry.getCurrency(),
                        instant(entry.getCreated()));
    }

    @Override
    public HostedPage customerPortal(String customerId, String returnUrl) {
        com.stripe.model.billingportal.Session session = call(() -> stripe().billingPortal()
                .sessions()
                .create(com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(customerId)
                        .setReturnUrl(returnUrl)
                        .build()));
        return new HostedPage(session.getId(), session.getUrl());
    }

    @Override
    public CheckoutState checkout(String checkoutId) {
        return checkoutState(call(() -> stripe().checkout().sessions().retrieve(checkoutId)));
    }

    /** One read instead of four: the session with its payment intent's charge and balance transaction expanded. */
    @Override
    public PaidCheckout checkoutWithCharge(String checkoutId) {
        return call(() -> {
            Session session = stripe().checkout()
                    .sessions()
                    .retrieve(
                            checkoutId,
                            com.stripe.param.checkout.SessionRetrieveParams.builder()
                                    .addExpand("payment_intent.latest_charge.balance_transaction")
                                    .build(),
                            RequestOptions.getDefault());
            com.stripe.model.Charge charge = session.getPaymentIntentObject() == null
                    ? null
                    : session.getPaymentIntentObject().getLatestChargeObject();
            return new PaidCheckout(checkoutState(session), charge == null ? null : chargeState(charge));
        });
    }

    private static CheckoutState checkoutState(Session session) {
        return new CheckoutState(
                session.getId(),
                session.getCustomer(),
                session.getMode(),
                session.getStatus(),
                session.getPaymentStatus(),
                session.getSubscription(),
                session.getPaymentIntent(),
                session.getMetadata() == null ? Map.of() : Map.copyOf(session.getMetadata()));
    }

    @Override
    public SubscriptionState cancelAtPeriodEnd(String subscriptionId, boolean cancel, String idempotencyKey) {
        return state(call(() -> stripe().subscriptions()
                .update(
                        subscriptionId,
                        com.stripe.param.SubscriptionUpdateParams.builder()
                                .setCancelAtPeriodEnd(cancel)
                                .build(),
                        keyed(idempotencyKey))));
    }

    @Override
    public void cancelNow(String subscriptionId) {
        call(() -> {
            com.stripe.model.Subscription subscription =
                    stripe().subscriptions().retrieve(subscriptionId);
            if (!"canceled".equals(subscription.getStatus())
                    && !"incomplete_expired".equals(subscription.getStatus())) {
                stripe().subscriptions().cancel(subscriptionId);
            }
            return null;
        });
    }

    @Override
    public SubscriptionState subscription(String subscriptionId) {
        return state(call(() -> stripe().subscriptions().retrieve(subscriptionId)));
    }

    private static SubscriptionState state(Subscription subscription) {
        SubscriptionItem item = subscription.getItems() == null
                        || subscription.getItems().getData().isEmpty()
                ? null
                : subscription.getItems().getData().get(0);
        Price price = item == null ? null : item.getPrice();
        return new SubscriptionState(
                subscription.getId(),
                subscription.getCustomer(),
                subscription.getStatus(),
                price == null ? null : price.getLookupKey(),
                price == null || price.getRecurring() == null
                        ? null
                        : "year".equals(price.getRecurring().getInterval())
                                ? BillingInterval.YEAR
                                : BillingInterval.MONTH,
                instant(item == null ? null : item.getCurrentPeriodEnd()),
                Boolean.TRUE.equals(subscription.getCancelAtPeriodEnd()),
                instant(subscription.getEndedAt()),
                subscription.getMetadata() == null ? Map.of() : Map.copyOf(subscription.getMetadata()));
    }

    @Override
    public InvoiceState invoice(String invoiceId) {
        Invoice invoice = call(() -> stripe().invoices().retrieve(invoiceId));
        String subscription = invoice.getParent() == null || invoice.getParent().getSubscriptionDetails() == null
                ? null
                : invoice.getParent().getSubscriptionDetails().getSubscription();
        return new InvoiceState(
                invoice.getId(),
                invoice.getCustomer(),
                subscription,
                invoice.getNumber(),
                invoice.getStatus(),
                Money.of(orZero(invoice.getAmountDue()), invoice.getCurrency()),
                Money.of(orZero(invoice.getAmountPaid()), invoice.getCurrency()),
                instant(invoice.getPeriodStart()),
                instant(invoice.getPeriodEnd()),
                invoice.getHostedInvoiceUrl(),
                invoice.getInvoicePdf(),
                instant(invoice.getCreated()));
    }

    @Override
    public String createConnectedAccount(NewAccount account, String idempotencyKey) {
        return call(() -> stripe().accounts()
                .create(
                        com.stripe.param.AccountCreateParams.builder()
                                .setType(com.stripe.param.AccountCreateParams.Type.EXPRESS)
                                .setCountry(account.country())
                                .setEmail(account.email())
                                .setCapabilities(com.stripe.param.AccountCreateParams.Capabilities.builder()
                                        .setTransfers(
                                                com.stripe.param.AccountCreateParams.Capabilities.Transfers.builder()
                                                        .setRequested(true)
                                                        .build())
                                        .build())
                                .putAllMetadata(account.metadata())
                                .build(),
                        keyed(idempotencyKey))
                .getId());
    }

    @Override
    public HostedPage onboardingLink(String accountId, String refreshUrl, String returnUrl) {
        com.stripe.model.AccountLink link = call(() -> stripe().accountLinks()
                .create(com.stripe.param.AccountLinkCreateParams.builder()
                        .setAccount(accountId)
                        .setRefreshUrl(refreshUrl)
                        .setReturnUrl(returnUrl)
                        .setType(com.stripe.param.AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                        .build()));
        return new HostedPage(accountId, link.getUrl());
    }

    @Override
    public AccountState account(String accountId) {
        com.stripe.model.Account account = call(() -> stripe().accounts().retrieve(accountId));
        List<String> due =
                account.getRequirements() == null || account.getRequirements().getCurrentlyDue() == null
                        ? List.of()
                        : List.copyOf(account.getRequirements().getCurrentlyDue());
        return new AccountState(
                account.getId(),
                Boolean.TRUE.equals(account.getDetailsSubmitted()),
                Boolean.TRUE.equals(account.getChargesEnabled()),
                Boolean.TRUE.equals(account.getPayoutsEnabled()),
                account.getCapabilities() != null
                        && "active".equals(account.getCapabilities().getTransfers()),
                due);
    }

    @Override
    public TransferState transfer(TransferRequest transfer, String idempotencyKey) {
        com.stripe.model.Transfer made = call(() -> stripe().transfers()
                .create(
                        com.stripe.param.TransferCreateParams.builder()
                                .setAmount(transfer.amount().minor())
                                .setCurrency(transfer.amount().currency())
                                .setDestination(transfer.destination())
                                .setTransferGroup(transfer.transferGroup())
                                .setSourceTransaction(transfer.sourceCharge())
                                .putAllMetadata(transfer.metadata())
                                .build(),
                        keyed(idempotencyKey)));
        return new TransferState(
                made.getId(),
                made.getDestination(),
                Money.of(orZero(made.getAmount()), made.getCurrency()),
                made.getBalanceTransaction(),
                instant(made.getCreated()));
    }

    @Override
    public ProviderEvent verifyEvent(String payload, String signatureHeader) {
        if (secrets.isEmpty()) {
            throw PaymentProviderException.notConfigured();
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw unsigned("The request has no Stripe-Signature header.");
        }
        for (String secret : secrets) {
            try {
                Event event = Webhook.constructEvent(payload, signatureHeader, secret, webhookTolerance.toSeconds());
                return describe(event);
            } catch (SignatureVerificationException wrongSecretOrStale) {
                // Tried against the next endpoint's secret: platform and Connect endpoints sign with different ones.
            } catch (JsonParseException | IllegalStateException notAnEvent) {
                throw unsigned("The body is not a Stripe event.");
            }
        }
        throw unsigned("The Stripe-Signature does not match the body, or the event is older than "
                + webhookTolerance.toMinutes() + " minutes.");
    }

    private static ProviderEvent describe(Event event) {
        JsonObject object = JsonParser.parseString(
                        event.getDataObjectDeserializer().getRawJson())
                .getAsJsonObject();
        String objectType = text(object.get("object"));
        String objectId = text(object.get("id"));
        String customer = "customer".equals(objectType) ? objectId : text(object.get("customer"));
        if (object.get("customer") != null && object.get("customer").isJsonObject()) {
            customer = text(object.getAsJsonObject("customer").get("id"));
        }
        if (objectType == null || objectId == null || event.getId() == null || event.getType() == null) {
            throw unsigned("The event names no object.");
        }
        return new ProviderEvent(
                event.getId(),
                event.getType(),
                event.getAccount(),
                objectType,
                objectId,
                customer,
                "charge".equals(objectType) ? objectId : text(object.get("charge")),
                instant(event.getCreated()));
    }

    private static String text(JsonElement element) {
        return element == null || element.isJsonNull() || !element.isJsonPrimitive() ? null : element.getAsString();
    }

    private static PaymentProviderException unsigned(String detail) {
        return new PaymentProviderException(
                400, "invalid-webhook-signature", "Invalid webhook signature", detail, null);
    }

    private StripeClient stripe() {
        if (client == null) {
            throw PaymentProviderException.notConfigured();
        }
        return client;
    }

    private static RequestOptions keyed(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T call() throws StripeException;
    }

    private static <T> T call(StripeCall<T> call) {
        try {
            return call.call();
        } catch (CardException declined) {
            throw new PaymentProviderException(
                    402,
                    "payment-declined",
                    "Payment declined",
                    "The card was declined"
                            + (declined.getDeclineCode() == null ? "" : " (" + declined.getDeclineCode() + ")")
                            + "; nothing was charged.",
                    declined);
        } catch (com.stripe.exception.IdempotencyException reused) {
            throw new PaymentProviderException(
                    409,
                    "idempotency-key-reused",
                    "Request repeated with other values",
                    "The same request was made before with other values; repeat it as it was, or use a new key.",
                    reused);
        } catch (InvalidRequestException refused) {
            // Stripe refused what was asked (an amount above what is left, an unsupported country, ...): its message
            // is written for the people who asked, and nothing happened.
            LOG.log(Level.INFO, "Stripe refused a request (" + refused.getRequestId() + "): " + refused.getMessage());
            throw new PaymentProviderException(
                    409,
                    "payment-provider-refused",
                    "Refused by the payment provider",
                    refused.getStripeError() == null || refused.getStripeError().getMessage() == null
                            ? "The payment provider refused the request; nothing happened."
                            : refused.getStripeError().getMessage(),
                    refused);
        } catch (com.stripe.exception.ApiConnectionException unanswered) {
            LOG.log(Level.WARNING, "Stripe did not answer: " + unanswered.getMessage());
            throw new PaymentProviderException(
                    502,
                    "payment-provider-unreachable",
                    "Payment provider did not answer",
                    "The payment provider did not answer, so whether it acted is not known. Repeat the request: a"
                            + " repeat is recognised and never acts twice.",
                    unanswered);
        } catch (StripeException failed) {
            LOG.log(
                    Level.WARNING,
                    "Stripe refused or failed a call (request " + failed.getRequestId() + ", status "
                            + failed.getStatusCode() + ", code " + failed.getCode() + "): " + failed.getMessage());
            throw PaymentProviderException.unavailable(failed);
        }
    }
}
