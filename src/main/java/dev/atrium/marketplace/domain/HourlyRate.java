package dev.atrium.marketplace.domain;

import dev.atrium.billing.Money;
import java.util.Objects;

/**
 * A price per hour in integer minor units of a currency: the one place where time becomes money. Minutes are paid at
 * {@code minutes × rate / 60}, rounded half up to the minor unit (90 minutes at 33.33 are 49.995, paid 50.00), in whole
 * integers so that no floating point ever touches an amount.
 */
public record HourlyRate(Money perHour) {

    public HourlyRate {
        Objects.requireNonNull(perHour);
        if (!perHour.isPositive()) {
            throw new IllegalArgumentException("An hourly rate is positive");
        }
    }

    public static HourlyRate of(long minorPerHour, String currency) {
        return new HourlyRate(Money.of(minorPerHour, currency));
    }

    /** What {@code minutes} of work cost. @throws ArithmeticException if it overflows a long (never for real weeks) */
    public Money forMinutes(long minutes) {
        if (minutes < 0) {
            throw new IllegalArgumentException("Minutes worked are never negative");
        }
        // Half up for a non-negative numerator: add half the divisor, then divide down.
        long amount = Math.addExact(Math.multiplyExact(minutes, perHour.minor()), 30) / 60;
        return Money.of(amount, perHour.currency());
    }

    /** {@code 12 h 30 min}, {@code 45 min}, {@code 8 h}: how a span of work reads in titles and messages. */
    public static String duration(long minutes) {
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return rest + " min";
        }
        return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }
}
