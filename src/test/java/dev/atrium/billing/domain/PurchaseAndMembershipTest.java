package dev.atrium.billing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.billing.Money;
import dev.atrium.platform.errors.ConflictException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurchaseAndMembershipTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    private final UUID member = UUID.randomUUID();

    private static PaymentProvider.SubscriptionState subscription(String status) {
        return new PaymentProvider.SubscriptionState(
                "sub_1",
                "cus_1",
                status,
                null,
                BillingInterval.MONTH,
                Instant.parse("2026-12-01T00:00:00Z"),
                false,
                null,
                Map.of());
    }

    @Test
    void aPurchaseIsPaidOnceAndRefundedInFullOnlyWhenRefundsReachTheAmount() {
        Product course = Product.item("learning", "c1", "Course", Money.of(5_000, "eur"), T0);
        Purchase purchase = Purchase.start(member, course, T0);

        assertTrue(purchase.paid("pi_1", "ch_1", T0));
        assertFalse(purchase.paid("pi_1", "ch_1", T0), "a repeated confirmation changes nothing");
        assertFalse(purchase.refunded(2_000, T0), "a partial refund keeps the purchase");
        assertEquals(Purchase.Status.PAID, purchase.status());
        assertFalse(purchase.refunded(2_000, T0), "the same total again is not a new refund");
        assertTrue(purchase.refunded(5_000, T0));
        assertEquals(Purchase.Status.REFUNDED, purchase.status());
        assertFalse(purchase.refunded(5_000, T0));
    }

    @Test
    void anItemGrantsItsModulesEntitlementAndIsNotSoldPerPeriod() {
        Product course = Product.item("learning", "c1", "Course", Money.of(5_000, "eur"), T0);

        assertEquals(Set.of("learning:c1"), course.grants());
        assertThrows(ConflictException.class, () -> course.price(BillingInterval.MONTH));
    }

    @Test
    void aWithdrawnProductCannotBeBought() {
        Product premium = Product.membership("Premium", null, "eur", 990L, null, Set.of("ad-free"), T0);
        premium.withdraw(T0);

        assertThrows(ConflictException.class, () -> premium.price(BillingInterval.MONTH));
    }

    @Test
    void aMembershipGrantsWhileLiveAndRevokesWhenItEnds() {
        Product premium = Product.membership("Premium", null, "eur", 990L, 9_900L, Set.of("ad-free"), T0);
        Membership membership = Membership.start(member, premium, BillingInterval.YEAR, T0);
        assertEquals(Money.of(9_900, "eur"), membership.amount());

        assertEquals(Membership.Change.NONE, membership.apply(subscription("incomplete"), T0, T0));
        assertEquals(Membership.Change.GRANT, membership.apply(subscription("active"), T0.plusSeconds(1), T0));
        assertEquals(Membership.Change.NONE, membership.apply(subscription("past_due"), T0.plusSeconds(2), T0));
        assertEquals(Membership.Change.REVOKE, membership.apply(subscription("unpaid"), T0.plusSeconds(3), T0));
        assertEquals(Membership.Change.GRANT, membership.apply(subscription("active"), T0.plusSeconds(4), T0));
        assertEquals(
                Membership.Change.NONE,
                membership.apply(subscription("canceled"), T0.plusSeconds(2), T0),
                "an older read than the last one applied");
        assertEquals(Membership.Change.REVOKE, membership.apply(subscription("canceled"), T0.plusSeconds(5), T0));
    }
}
