package dev.atrium.billing.domain;

import dev.atrium.platform.errors.InvalidParameterException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * A tenant's billing settings (one row per tenant schema): the share of what professionals earn through its
 * marketplace that the tenant keeps. Applies to escrow opened from then on; a hold keeps the rate it was opened at.
 */
@Entity
@Table(name = "billing_settings")
public class BillingSettings {

    /** A tenant keeps at most half of what its professionals earn: more would leave them too little to be worth it. */
    public static final int MAX_MARKETPLACE_SHARE = 5_000;

    @Id
    private boolean singleton = true;

    @Column(name = "marketplace_share_bps", nullable = false)
    private int marketplaceShareBasisPoints;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected BillingSettings() {}

    public void shareMarketplaceEarnings(int basisPoints, int platformFeeBasisPoints, OffsetDateTime now) {
        if (basisPoints < 0 || basisPoints > MAX_MARKETPLACE_SHARE) {
            throw new InvalidParameterException(
                    "marketplaceShareBasisPoints", "between 0 and " + MAX_MARKETPLACE_SHARE + " (50 %)");
        }
        if (basisPoints + platformFeeBasisPoints > 10_000) {
            throw new InvalidParameterException(
                    "marketplaceShareBasisPoints", "with the platform's fee, at most the whole amount");
        }
        marketplaceShareBasisPoints = basisPoints;
        updatedAt = now;
    }

    public int marketplaceShareBasisPoints() {
        return marketplaceShareBasisPoints;
    }

    public long version() {
        return version;
    }
}
