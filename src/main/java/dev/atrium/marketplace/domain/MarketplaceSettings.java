package dev.atrium.marketplace.domain;

import dev.atrium.platform.errors.InvalidParameterException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A tenant's marketplace settings (one row per tenant schema): how long a client has to answer submitted work before
 * it is released automatically, how many proposals a professional sends a month (more on a premium membership), and
 * how long premium professionals see new jobs before the others.
 */
@Entity
@Table(name = "marketplace_settings")
public class MarketplaceSettings {

    @Id
    private boolean singleton = true;

    @Column(name = "auto_release_days", nullable = false)
    private int autoReleaseDays;

    @Column(name = "monthly_proposals", nullable = false)
    private int monthlyProposals;

    @Column(name = "premium_monthly_proposals", nullable = false)
    private int premiumMonthlyProposals;

    @Column(name = "early_access_hours", nullable = false)
    private int earlyAccessHours;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected MarketplaceSettings() {}

    public void change(
            Integer autoReleaseDays,
            Integer monthlyProposals,
            Integer premiumMonthlyProposals,
            Integer earlyAccessHours,
            OffsetDateTime now) {
        if (earlyAccessHours != null) {
            if (earlyAccessHours < 0 || earlyAccessHours > 168) {
                throw new InvalidParameterException("earlyAccessHours", "between 0 and 168 (a week)");
            }
            this.earlyAccessHours = earlyAccessHours;
        }
        if (autoReleaseDays != null) {
            if (autoReleaseDays < 1 || autoReleaseDays > 90) {
                throw new InvalidParameterException("autoReleaseDays", "between 1 and 90");
            }
            this.autoReleaseDays = autoReleaseDays;
        }
        if (monthlyProposals != null) {
            if (monthlyProposals < 1 || monthlyProposals > 1000) {
                throw new InvalidParameterException("monthlyProposals", "between 1 and 1000");
            }
            this.monthlyProposals = monthlyProposals;
        }
        if (premiumMonthlyProposals != null) {
            if (premiumMonthlyProposals < 1 || premiumMonthlyProposals > 1000) {
                throw new InvalidParameterException("premiumMonthlyProposals", "between 1 and 1000");
            }
            this.premiumMonthlyProposals = premiumMonthlyProposals;
        }
        if (this.premiumMonthlyProposals < this.monthlyProposals) {
            throw new InvalidParameterException(
                    "premiumMonthlyProposals", "at least the monthly allowance of members without premium");
        }
        updatedAt = now;
    }

    /** How long submitted work waits for the client's answer before it is released. */
    public Duration autoReleaseWindow() {
        return Duration.ofDays(autoReleaseDays);
    }

    public int autoReleaseDays() {
        return autoReleaseDays;
    }

    /** Proposals a professional may send in a calendar month. */
    public int proposalAllowance(boolean premium) {
        return premium ? premiumMonthlyProposals : monthlyProposals;
    }

    /**
     * How long a newly published job is seen only by professionals with early access (a premium membership's
     * entitlement); everyone else sees it, and can propose, after.
     */
    public Duration earlyAccess() {
        return Duration.ofHours(earlyAccessHours);
    }

    public int earlyAccessHours() {
        return earlyAccessHours;
    }

    public int monthlyProposals() {
        return monthlyProposals;
    }

    public int premiumMonthlyProposals() {
        return premiumMonthlyProposals;
    }

    public long version() {
        return version;
    }
}
