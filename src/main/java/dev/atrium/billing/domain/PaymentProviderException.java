package dev.atrium.billing.domain;

import dev.atrium.platform.errors.AtriumException;

/**
 * The payment provider refused or failed a call. A refusal of what the caller asked (a declined card, a bad parameter)
 * is a 4xx the caller can act on; the provider being down or misconfigured is a 502, its cause logged, never shown.
 */
public class PaymentProviderException extends AtriumException {

    public PaymentProviderException(int status, String typeSlug, String title, String detail, Throwable cause) {
        super(status, typeSlug, title, detail);
        initCause(cause);
    }

    public static PaymentProviderException unavailable(Throwable cause) {
        return new PaymentProviderException(
                502,
                "payment-provider-unavailable",
                "Payment provider unavailable",
                "The payment provider failed to answer the request. Try again in a moment: a repeated request is"
                        + " recognised and never charges or refunds twice.",
                cause);
    }

    public static PaymentProviderException notConfigured() {
        return new PaymentProviderException(
                503,
                "billing-not-configured",
                "Billing not configured",
                "This installation has no payment provider keys (atrium.stripe.secret-key); nothing can be sold.",
                null);
    }
}
