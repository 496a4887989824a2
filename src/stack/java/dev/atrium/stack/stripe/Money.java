package dev.atrium.stack.stripe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

/**
 * Every computation on amounts, in integer minor units of a currency as Stripe keeps them: Stripe's processing fee,
 * application fees by percentage, proportional reversals, and the display of an amount in major units.
 */
final class Money {

    /** Stripe's card processing fee in this server: 2.9 % of the amount, rounded half up, plus 30 minor units. */
    static final int FEE_PERMILLE = 29;

    static final long FEE_FIXED = 30;

    /** What a dispute costs the platform (Stripe's dispute fee, 15.00 in the charge's currency). */
    static final long DISPUTE_FEE = 1500;

    private static final Set<String> ZERO_DECIMAL = Set.of(
            "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof",
            "xpf");
    private static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

    private Money() {}

    static long processingFee(long amount) {
        return percent(amount, BigDecimal.valueOf(FEE_PERMILLE, 1)) + FEE_FIXED;
    }

    /** A percentage of an amount, rounded half up (application_fee_percent). */
    static long percent(long amount, BigDecimal percent) {
        return BigDecimal.valueOf(amount)
                .multiply(percent)
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** {@code total}'s share in proportion of {@code part} to {@code whole}, rounded half up (partial reversals). */
    static long proportion(long total, long part, long whole) {
        if (whole == 0) {
            return 0;
        }
        return BigDecimal.valueOf(total)
                .multiply(BigDecimal.valueOf(part))
                .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** An amount in major units with its currency, as people read it: {@code 20.00 USD}. */
    static String format(long amount, String currency) {
        int exponent = exponent(currency);
        BigDecimal major = BigDecimal.valueOf(amount, exponent);
        return major.toPlainString() + " " + currency.toUpperCase(Locale.ROOT);
    }

    /** As Stripe writes amounts in its error messages: {@code $25.00}, or {@code 25.00 EUR}. */
    static String inMessage(long amount, String currency) {
        BigDecimal major = BigDecimal.valueOf(amount, exponent(currency));
        return "usd".equals(currency) ? "$" + major.toPlainString() : format(amount, currency);
    }

    private static int exponent(String currency) {
        String code = currency.toLowerCase(Locale.ROOT);
        if (ZERO_DECIMAL.contains(code)) {
            return 0;
        }
        return THREE_DECIMAL.contains(code) ? 3 : 2;
    }
}
