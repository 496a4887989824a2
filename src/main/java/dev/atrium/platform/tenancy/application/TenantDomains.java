package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.persistence.PlatformTransactional;
import dev.atrium.platform.tenancy.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * Which tenant a request's Host names. Every request to {@code /api/v1/...} asks, so the registered domains are held
 * in memory as one snapshot (bounded by the number of registered domains, not by the hosts callers send) and
 * reloaded after {@link #MAX_AGE_NANOS}; changes made on this replica take effect at once, on others within that.
 */
@ApplicationScoped
public class TenantDomains {

    static final long MAX_AGE_NANOS = 10_000_000_000L;

    @Inject
    TenantRepository tenants;

    @Inject
    TenantDomains self;

    private volatile Snapshot snapshot;

    public Optional<String> slugOf(String host) {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt() > MAX_AGE_NANOS) {
            current = new Snapshot(self.load(), System.nanoTime());
            snapshot = current;
        }
        return Optional.ofNullable(current.slugs().get(host));
    }

    public void forget() {
        snapshot = null;
    }

    @PlatformTransactional
    public Map<String, String> load() {
        return Map.copyOf(tenants.domains());
    }

    private record Snapshot(Map<String, String> slugs, long loadedAt) {}
}
