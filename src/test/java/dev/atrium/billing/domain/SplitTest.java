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
    void refundsInStepsGiveBackExactlyWhatOneFullRefundWould() {
        Money charge = Money.of(1_010, "eur");
        Money fee = Split.ofTenantSale(charge, 500).platformFee();
        assertEquals(Money.of(51, "eur"), fee);

        Split first = Split.ofRefund(charge, fee, Money.of(0, "eur"), Money.of(505, "eur"));
        Split second = Split.ofRefund(charge, fee, Money.of(505, "eur"), Money.of(505, "eur"));

        assertEquals(fee, first.platformFee().plus(second.platformFee()));
        assertEquals(Money.of(1_010 - 51, "eur"), first.tenantShare().plus(second.tenantShare()));
        Random random = new Random(11);
        for (int i = 0; i < 1_000; i++) {
            long amount = 100 + random.nextInt(100_000);
            Money paid = Money.of(amount, "eur");
            Money platform = Split.ofTenantSale(paid, random.nextInt(3_000)).platformFee();
            long refunded = 0;
            long platformBack = 0;
            while (refunded < amount) {
                long step = Math.min(amount - refunded, 1 + random.nextInt((int) amount));
                Split part = Split.ofRefund(paid, platform, Money.of(refunded, "eur"), Money.of(step, "eur"));
                assertEquals(
                        step, part.platformFee().minor() + part.tenantShare().minor());
                platformBack += part.platformFee().minor();
                refunded += step;
            }
            assertEquals(platform.minor(), platformBack, "a full refund in steps gives back the whole fee");
        }
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
