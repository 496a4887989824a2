package dev.atrium.marketplace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.atrium.billing.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HourlyRateTest {

    @Test
    void minutesArePaidAtTheRatePerSixtyMinutes() {
        assertEquals(Money.of(75_000, "eur"), HourlyRate.of(6_000, "eur").forMinutes(750), "12 h 30 min at 60.00");
        assertEquals(Money.of(6_000, "eur"), HourlyRate.of(6_000, "eur").forMinutes(60));
        assertEquals(Money.of(0, "eur"), HourlyRate.of(6_000, "eur").forMinutes(0));
    }

    @Test
    void aFractionOfTheMinorUnitIsRoundedHalfUp() {
        assertEquals(Money.of(5_000, "eur"), HourlyRate.of(3_333, "eur").forMinutes(90), "49.995 is paid 50.00");
        assertEquals(Money.of(1, "usd"), HourlyRate.of(1, "usd").forMinutes(30), "half a cent is a cent");
        assertEquals(Money.of(0, "usd"), HourlyRate.of(1, "usd").forMinutes(29), "less than half is nothing");
        assertEquals(Money.of(1_017, "eur"), HourlyRate.of(6_100, "eur").forMinutes(10), "1016.67 cents");
    }

    @Test
    void everyAmountIsTheExactProductRoundedHalfUp() {
        Random random = new Random(47);
        for (int i = 0; i < 10_000; i++) {
            long rate = 1 + random.nextInt(1_000_000);
            long minutes = random.nextInt(80 * 60 + 1);
            long expected = BigDecimal.valueOf(minutes)
                    .multiply(BigDecimal.valueOf(rate))
                    .divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP)
                    .longValueExact();
            assertEquals(
                    expected,
                    HourlyRate.of(rate, "eur").forMinutes(minutes).minor(),
                    () -> minutes + " min at " + rate);
        }
    }

    @Test
    void negativeMinutesAndRatesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> HourlyRate.of(6_000, "eur")
                .forMinutes(-1));
        assertThrows(IllegalArgumentException.class, () -> HourlyRate.of(0, "eur"));
    }

    @Test
    void aDurationReadsInHoursAndMinutes() {
        assertEquals("12 h 30 min", HourlyRate.duration(750));
        assertEquals("8 h", HourlyRate.duration(480));
        assertEquals("45 min", HourlyRate.duration(45));
        assertEquals("0 min", HourlyRate.duration(0));
    }
}
