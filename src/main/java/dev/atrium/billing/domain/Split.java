package dev.atrium.billing.domain;

import dev.atrium.billing.Money;

/**
 * Whose a charge's money is: the platform's fee, the tenant's share, and what is left for the seller (a professional;
 * nothing for the tenant's own sales, where the tenant is the seller). Fees are rates in basis points (1/100 of a
 * percent) of the charge, rounded half up to the minor unit; the seller's part is what remains, so the three parts
 * always add up to the charge exactly. The one place the split is computed.
 */
public record Split(Money charge, Money platformFee, Money tenantShare, Money sellerShare) {

    private static final long WHOLE = 10_000;

    public Split {
        if (!platformFee.plus(tenantShare).plus(sellerShare).equals(charge)) {
            throw new IllegalStateException("A split's parts must add up to the charge");
        }
    }

    /** A charge for something the tenant sells itself: the platform's fee, the rest to the tenant. */
    public static Split ofTenantSale(Money charge, int platformFeeBasisPoints) {
        Money platform = part(charge, platformFeeBasisPoints);
        return new Split(charge, platform, charge.minus(platform), Money.of(0, charge.currency()));
    }

    /** A charge a professional earns through the tenant: the platform's fee, the tenant's share, the rest to them. */
    public static Split ofMarketplaceSale(Money charge, int platformFeeBasisPoints, int tenantShareBasisPoints) {
        if (platformFeeBasisPoints + tenantShareBasisPoints > WHOLE) {
            throw new IllegalArgumentException("The platform's fee and the tenant's share exceed the whole charge");
        }
        Money platform = part(charge, platformFeeBasisPoints);
        Money tenant = part(charge, tenantShareBasisPoints);
        return new Split(charge, platform, tenant, charge.minus(platform).minus(tenant));
    }

    /**
     * How a refund comes out of a charge's parts: the platform gives back its fee in proportion to what has been
     * refunded in all (rounded half up on the running total, so refunds in several steps give back exactly what one
     * full refund would), the tenant the rest. Works from the platform fee recorded when the charge was paid, so a
     * later change of the rate does not touch it.
     */
    public static Split ofRefund(Money charge, Money platformFeeCharged, Money refundedBefore, Money refund) {
        Money feeBefore = proportion(platformFeeCharged, refundedBefore, charge);
        Money feeAfter = proportion(platformFeeCharged, refundedBefore.plus(refund), charge);
        Money platform = feeAfter.minus(feeBefore);
        return new Split(refund, platform, refund.minus(platform), Money.of(0, refund.currency()));
    }

    /** {@code part × numerator / whole}, rounded half up, in integers. */
    private static Money proportion(Money part, Money numerator, Money whole) {
        long scaled = Math.multiplyExact(part.minor(), numerator.minor());
        return Money.of(
                Math.floorDiv(
                        Math.addExact(Math.multiplyExact(2, scaled), whole.minor()),
                        Math.multiplyExact(2, whole.minor())),
                part.currency());
    }

    static Money part(Money charge, int basisPoints) {
        if (basisPoints < 0 || basisPoints > WHOLE) {
            throw new IllegalArgumentException("A rate is between 0 and 10000 basis points");
        }
        if (charge.minor() < 0) {
            throw new IllegalArgumentException("Only a charge is split; a refund is split as the charge it returns");
        }
        // Half up without floating point: (amount * rate + half) / whole; amounts and rates are far below overflow.
        return Money.of(
                Math.floorDiv(Math.multiplyExact(charge.minor(), basisPoints) + WHOLE / 2, WHOLE), charge.currency());
    }
}
