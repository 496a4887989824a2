package dev.atrium.billing.application;

import dev.atrium.billing.Entitlements;
import dev.atrium.billing.infrastructure.EntitlementGrants;
import dev.atrium.platform.persistence.TenantTransactional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;

/** {@link Entitlements} for the current tenant, read from its grants (one indexed query, joining the caller's transaction). */
@ApplicationScoped
public class TenantEntitlements implements Entitlements {

    @Inject
    EntitlementGrants grants;

    @Override
    @TenantTransactional
    public boolean has(UUID memberId, String entitlement) {
        return grants.holds(memberId, entitlement);
    }

    @Override
    @TenantTransactional
    public Set<String> held(UUID memberId) {
        return Set.copyOf(grants.held(memberId));
    }

    @Override
    @TenantTransactional
    public Set<UUID> holders(String entitlement) {
        return Set.copyOf(grants.holders(entitlement));
    }
}
