package dev.atrium.billing.application;

import dev.atrium.billing.domain.BillingSettings;
import dev.atrium.platform.api.EntityTags;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** A tenant admin reads and changes the tenant's billing settings. */
@ApplicationScoped
@TenantTransactional
public class TenantBillingSettings {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    EscrowService escrow;

    @Inject
    Now clock;

    /**
     * @param marketplaceShareBasisPoints what the tenant keeps of professionals' earnings @param platformFeeBasisPoints
     *     what the platform takes of them (the installation's setting, shown so the admin sees what is left)
     */
    public record SettingsView(int marketplaceShareBasisPoints, int platformFeeBasisPoints) {}

    public record Versioned(SettingsView settings, long version) {}

    public Versioned read() {
        return view(em.find(BillingSettings.class, true));
    }

    public Versioned change(EntityTags.IfMatch ifMatch, Integer marketplaceShareBasisPoints) {
        BillingSettings settings = em.find(BillingSettings.class, true, LockModeType.PESSIMISTIC_WRITE);
        ifMatch.check(settings.version());
        if (marketplaceShareBasisPoints != null) {
            settings.shareMarketplaceEarnings(
                    marketplaceShareBasisPoints, escrow.platformFeeBasisPoints, clock.dateTime());
        }
        em.flush();
        return view(settings);
    }

    private Versioned view(BillingSettings settings) {
        return new Versioned(
                new SettingsView(settings.marketplaceShareBasisPoints(), escrow.platformFeeBasisPoints),
                settings.version());
    }
}
