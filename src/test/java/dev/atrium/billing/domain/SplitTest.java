package dev.atrium.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.atrium.billing.Money;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void tenantSaleGivesThePlatformItsFeeRoundedHalfUpAndTheTenantTheRest() {
        Split split = Split.ofTenantSale(Money.of(990, "eur"), 500);

        assertEquals(Money.of(50, "eur"), split.platformFee(), "5 % of 9.90 is 49.5 cents, rounded half up");
        assertEquals(Money.of(940, "eur"), split.tenantShare());
        assertEquals(Money.of(0, "eur"), split.sellerShare());
    }

    @Test
    void marketplaceSaleSplitsThreeWaysAndThePartsAddUpToTheCharge() {
        Split split = Split.ofMarketplaceSale(Money.of(100_001, "usd"), 1000, 250);

        assertEquals(Money.of(10_000, "usd"), split.platformFee());
        assertEquals(Money.of(2_500, "usd"), split.tenantShare());
        assertEquals(Money.of(87_501, "usd"), split.sellerShare());
    }

    @Test
    void partsAlwaysAddUpWhateverTheAmountAndRates() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long amount = 1 + random.nextInt(10_000_000);
            int platform = random.nextInt(3_000);
            int tenant = random.nextInt(3_000);
            Split split = Split.ofMarketplaceSale(Money.of(amount, "eur"), platform, tenant);
            assertEquals(
                    amount,
                    split.platformFee().minor()
                            + split.tenantShare().minor()
                            + split.sellerShare().minor());
        }
    }

    @Test
    void zeroDecimalCurrenciesSplitInWholeUnits() {
        Split split = Split.ofTenantSale(Money.of(1_999, "jpy"), 333);

        assertEquals(Money.of(67, "jpy"), split.platformFee());
        assertEquals(Money.of(1_932, "jpy"), split.tenantShare());
    }

    @Test
    void ratesBeyondTheWholeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Split.ofMarketplaceSale(Money.of(100, "eur"), 6000, 5000));
        assertThrows(IllegalArgumentException.class, () -> Split.ofTenantSale(Money.of(100, "eur"), -1));
    }

    @Test
    void moneyRefusesToMixCurrencies() {
        assertThrows(IllegalArgumentException.class, () -> Money.of(1, "eur").plus(Money.of(1, "usd")));
        assertThrows(IllegalArgumentException.class, () -> Money.of(1, "xyz"));
        assertEquals("9.90 EUR", Money.of(990, "EUR").display());
        assertEquals("1999 JPY", Money.of(1999, "jpy").display());
    }
}
