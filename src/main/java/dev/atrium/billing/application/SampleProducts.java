package dev.atrium.billing.application;

import dev.atrium.billing.Entitlements;
import dev.atrium.billing.domain.Product;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.domain.TenantModule;
import dev.atrium.platform.tenancy.domain.TenantOnboarded;
import dev.atrium.platform.time.Now;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Set;

/**
 * A demo tenant that sells starts with products: a premium membership for professionals (featured in search, more
 * proposals, early access to new jobs) and a one-off portfolio review.
 */
@ApplicationScoped
public class SampleProducts {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Now now;

    @TenantTransactional
    void seed(@Observes @Priority(Interceptor.Priority.APPLICATION + 300) TenantOnboarded onboarded) {
        if (!onboarded.sampleData() || !onboarded.tenant().hasEnabled(TenantModule.BILLING)) {
            return;
        }
        em.persist(Product.membership(
                "Premium professional",
                "Be featured in search, send more proposals each month and see new jobs first.",
                "eur",
                1_900L,
                19_000L,
                Set.of(Entitlements.FEATURED_IN_SEARCH, Entitlements.MORE_PROPOSALS, Entitlements.EARLY_ACCESS_JOBS),
                now.dateTime()));
        em.persist(Product.item(
                "Portfolio review",
                "A mentor reviews your portfolio and sends written feedback within a week.",
                dev.atrium.billing.Money.of(4_900, "eur"),
                Set.of(),
                now.dateTime()));
    }
}
