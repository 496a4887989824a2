package dev.atrium.billing;

import java.util.Currency;
import java.util.Locale;

/**
 * An amount of money: integer minor units (cents) of an ISO 4217 currency, written in lower case as Stripe does.
 * Never a floating-point number; arithmetic refuses to mix currencies.
 */
public record Money(long minor, String currency) {

    public Money {
        if (currency == null || !currency.matches("[a-z]{3}")) {
            throw new IllegalArgumentException("A currency is a three-letter ISO 4217 code, e.g. eur");
        }
        try {
            Currency.getInstance(currency.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("'" + currency + "' is not an ISO 4217 currency", unknown);
        }
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, currency == null ? null : currency.toLowerCase(Locale.ROOT));
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money negated() {
        return new Money(Math.negateExact(minor), currency);
    }

    public boolean isPositive() {
        return minor > 0;
    }

    /** As people read it: {@code 49.00 EUR} (the currency's own number of decimals). */
    public String display() {
        Currency iso = Currency.getInstance(currency.toUpperCase(Locale.ROOT));
        int digits = Math.max(iso.getDefaultFractionDigits(), 0);
        return java.math.BigDecimal.valueOf(minor, digits).toPlainString() + " " + iso.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
        }
    }
}
