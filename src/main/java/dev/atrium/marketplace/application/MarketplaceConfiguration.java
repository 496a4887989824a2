package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.MarketplaceSettings;
import dev.atrium.platform.api.EntityTags;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** A tenant admin reads and changes the marketplace's settings; use cases read them. */
@ApplicationScoped
@TenantTransactional
public class MarketplaceConfiguration {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Now clock;

    public record SettingsView(
            int autoReleaseDays,
            int monthlyProposals,
            int premiumMonthlyProposals,
            int earlyAccessHours,
            long version) {

        static SettingsView of(MarketplaceSettings settings) {
            return new SettingsView(
                    settings.autoReleaseDays(),
                    settings.monthlyProposals(),
                    settings.premiumMonthlyProposals(),
                    settings.earlyAccessHours(),
                    settings.version());
        }
    }

    public MarketplaceSettings settings() {
        return em.find(MarketplaceSettings.class, true);
    }

    public SettingsView read() {
        return SettingsView.of(settings());
    }

    public SettingsView change(
            EntityTags.IfMatch ifMatch,
            Integer autoReleaseDays,
            Integer monthlyProposals,
            Integer premiumMonthlyProposals,
            Integer earlyAccessHours) {
        MarketplaceSettings settings = em.find(MarketplaceSettings.class, true, LockModeType.PESSIMISTIC_WRITE);
        ifMatch.check(settings.version());
        settings.change(autoReleaseDays, monthlyProposals, premiumMonthlyProposals, earlyAccessHours, clock.dateTime());
        em.flush();
        return SettingsView.of(settings);
    }
}
