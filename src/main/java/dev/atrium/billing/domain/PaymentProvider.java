package dev.atrium.billing.domain;

import dev.atrium.billing.Money;
import java.time.Instant;
import java.util.Map;

/**
 * The payment provider as billing sees it (Stripe, through one adapter). Every create takes an idempotency key that
 * the caller derives from Atrium's own ids: asked twice with the same key (a retry, a repeat after a crash), the
 * provider answers the first result and charges nothing twice. Reads return what the provider holds now, which is
 * what webhooks act on, whatever order their events arrived in. Failures are {@link PaymentProviderException}s.
 */
public interface PaymentProvider {

    /** Whether the provider is configured at all (an installation without Stripe keys sells nothing). */
    boolean isConfigured();

    /** Refuses (503 {@code billing-not-configured}) a sale in an installation without the provider's keys. */
    default void requireConfigured() {
        if (!isConfigured()) {
            throw PaymentProviderException.notConfigured();
        }
    }

    /** A customer to charge: the tenant itself (for its plan) or one of its members. */
    String createCustomer(NewCustomer customer, String idempotencyKey);

    /**
     * The provider's recurring price under a lookup key, created (with its product) if there is none or if the one there
     * is costs something else; a changed amount moves the lookup key to a new price and leaves the old one to the
     * subscriptions already on it.
     */
    String recurringPrice(PriceSpec spec);

    /** A hosted Checkout page that starts a subscription to one price. */
    HostedPage subscriptionCheckout(SubscriptionCheckout checkout, String idempotencyKey);

    /** The hosted page where a customer changes their card, cancels or downloads invoices. */
    HostedPage customerPortal(String customerId, String returnUrl);

    /** A hosted Checkout page where a member pays once for an item. */
    HostedPage paymentCheckout(PaymentCheckout checkout, String idempotencyKey);

    /** A hosted Checkout page where a member starts a membership (a subscription at the product's price). */
    HostedPage membershipCheckout(MembershipCheckout checkout, String idempotencyKey);

    /** Refunds part or all of a payment; a repeat with the same key refunds nothing more. */
    RefundState refund(String paymentIntentId, Money amount, String idempotencyKey);

    /** Refunds all of a charge (a membership's period); a repeat with the same key refunds nothing more. */
    RefundState refundCharge(String chargeId, String idempotencyKey);

    /** Ends the subscription at the end of its period, or (false) takes that back; answers it as it then is. */
    SubscriptionState cancelAtPeriodEnd(String subscriptionId, boolean cancel, String idempotencyKey);

    /** Ends a subscription now (no further renewals); a repeat changes nothing. */
    void cancelNow(String subscriptionId);

    CheckoutState checkout(String checkoutId);

    /** A Checkout session with the charge that paid it (null while unpaid), read at once. */
    PaidCheckout checkoutWithCharge(String checkoutId);

    record PaidCheckout(CheckoutState checkout, ChargeState charge) {}

    /** A charge with its balance transaction and its refunds' (what the ledger records). */
    ChargeState charge(String chargeId);

    /** A dispute (chargeback) with the balance movements it caused so far. */
    DisputeState dispute(String disputeId);

    /** The charge that paid an invoice, or null while it is unpaid. */
    String invoiceCharge(String invoiceId);

    SubscriptionState subscription(String subscriptionId);

    InvoiceState invoice(String invoiceId);

    /** A connected account (Express) for someone who is paid through the platform: a professional, or a tenant. */
    String createConnectedAccount(NewAccount account, String idempotencyKey);

    /** The provider's hosted onboarding for a connected account (a link valid for minutes, used once). */
    HostedPage onboardingLink(String accountId, String refreshUrl, String returnUrl);

    AccountState account(String accountId);

    /** Moves money from the platform's balance to a connected account, out of a charge's funds. */
    TransferState transfer(TransferRequest transfer, String idempotencyKey);

    /** An event the provider sent, once its signature proved it came from the provider and is recent. */
    ProviderEvent verifyEvent(String payload, String signatureHeader);

    record NewCustomer(String email, String name, Map<String, String> metadata) {}

    record PriceSpec(String lookupKey, String productName, Money amount, BillingInterval interval) {}

    record SubscriptionCheckout(
            String customerId,
            String priceId,
            String successUrl,
            String cancelUrl,
            String reference,
            Map<String, String> metadata,
            Instant expiresAt) {}

    record HostedPage(String id, String url) {}

    /** @param country ISO 3166 two-letter code of where the account holder is */
    record NewAccount(String email, String country, Map<String, String> metadata) {}

    /** A connected account as it stands: payouts reach it once transfers are active and nothing is due. */
    record AccountState(
            String id,
            boolean detailsSubmitted,
            boolean chargesEnabled,
            boolean payoutsEnabled,
            boolean transfersActive,
            java.util.List<String> requirementsDue) {}

    /** @param sourceCharge the charge whose funds pay the transfer (available even before the balance is) */
    record TransferRequest(
            String destination,
            Money amount,
            String transferGroup,
            String sourceCharge,
            Map<String, String> metadata) {}

    record TransferState(String id, String destination, Money amount, String balanceTransaction, Instant created) {}

    /**
     * @param transferGroup groups the charge with the transfers that later pay out of it @param expiresAt when the
     *     Checkout stops taking payment (between 30 minutes and a day ahead)
     */
    record PaymentCheckout(
            String customerId,
            String description,
            Money amount,
            String successUrl,
            String cancelUrl,
            String reference,
            Map<String, String> metadata,
            String transferGroup,
            Instant expiresAt) {}

    record MembershipCheckout(
            String customerId,
            String description,
            Money amount,
            BillingInterval interval,
            String successUrl,
            String cancelUrl,
            String reference,
            Map<String, String> metadata,
            Instant expiresAt) {}

    /** A movement on the platform's balance: {@code amount} in, {@code fee} taken by the provider, {@code net} kept. */
    record BalanceEntry(String id, String type, long amount, long fee, long net, String currency, Instant created) {}

    /**
     * @param status Stripe's: {@code warning_needs_response}, {@code needs_response}, {@code under_review}, {@code won},
     *     {@code lost}, ...
     */
    record DisputeState(
            String id,
            String chargeId,
            Money amount,
            String status,
            String reason,
            java.util.List<BalanceEntry> balance) {

        public boolean isLost() {
            return "lost".equals(status);
        }
    }

    record RefundState(String id, String status, Money amount, BalanceEntry balance, Instant created) {}

    record ChargeState(
            String id,
            String customerId,
            String paymentIntentId,
            Money amount,
            long amountRefunded,
            boolean disputed,
            BalanceEntry balance,
            java.util.List<RefundState> refunds,
            Instant created) {}

    /**
     * A Checkout session as it stands. @param mode {@code payment} or {@code subscription} @param status {@code open},
     * {@code complete} or {@code expired}
     */
    record CheckoutState(
            String id,
            String customerId,
            String mode,
            String status,
            String paymentStatus,
            String subscriptionId,
            String paymentIntentId,
            Map<String, String> metadata) {}

    /**
     * A subscription as it stands. @param status Stripe's: {@code trialing}, {@code active}, {@code past_due},
     * {@code unpaid}, {@code canceled}, {@code incomplete}, {@code incomplete_expired}, {@code paused} @param
     * priceLookupKey the lookup key of its (first) price, which names the plan it is for
     */
    record SubscriptionState(
            String id,
            String customerId,
            String status,
            String priceLookupKey,
            BillingInterval interval,
            Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd,
            Instant endedAt,
            Map<String, String> metadata) {}

    /** An invoice as it stands. @param status {@code draft}, {@code open}, {@code paid}, {@code uncollectible}, {@code void} */
    record InvoiceState(
            String id,
            String customerId,
            String subscriptionId,
            String number,
            String status,
            Money amountDue,
            Money amountPaid,
            Instant periodStart,
            Instant periodEnd,
            String hostedUrl,
            String pdfUrl,
            Instant created) {}

    /**
     * A verified event: what it is about, enough to find the tenant and re-read the object. @param account the connected
     * account it happened on, or null for the platform's own @param customerId the customer the object names, if any
     * @param chargeId the charge the object names (a refund's, a dispute's), if any
     */
    record ProviderEvent(
            String id,
            String type,
            String account,
            String objectType,
            String objectId,
            String customerId,
            String chargeId,
            Instant created) {}
}
