package dev.atrium.platform.plans;

import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.tenancy.domain.TenantModule;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** What a plan lets a tenant do: the modules it may switch on and its quotas (a quota left out is unlimited). */
public record Plan(String id, String name, Set<TenantModule> modules, Map<String, Long> quotas, Prices prices) {

    /**
     * What a paid plan costs, in integer minor units of an ISO 4217 currency (lower case, as Stripe writes it). A
     * plan without prices (trial, free) is not sold: the operator assigns it.
     */
    public record Prices(String currency, long monthly, long yearly) {

        public Prices {
            if (currency == null || !currency.matches("[a-z]{3}")) {
                throw new IllegalStateException("A plan's currency is an ISO 4217 code in lower case, e.g. eur");
            }
            if (monthly <= 0 || yearly <= 0) {
                throw new IllegalStateException("A plan's monthly and yearly prices are above zero");
            }
        }
    }

    public Plan(String id, String name, Set<TenantModule> modules, Map<String, Long> quotas) {
        this(id, name, modules, quotas, null);
    }

    /** Whether tenants can buy this plan themselves (it has prices). */
    public boolean isSold() {
        return prices != null;
    }

    /** The quota on active members. */
    public static final String MEMBERS = "members";

    /** The quota on stored media, in bytes. */
    public static final String STORAGE_BYTES = "storageBytes";

    public Plan {
        modules = Set.copyOf(modules);
        quotas = Map.copyOf(quotas);
    }

    public OptionalLong quota(String name) {
        Long limit = quotas.get(name);
        return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    /** Refuses modules the plan does not include. */
    public void requireAllows(Set<TenantModule> wanted) {
        List<String> excluded = wanted.stream()
                .filter(module -> !modules.contains(module))
                .map(TenantModule::id)
                .sorted()
                .toList();
        if (!excluded.isEmpty()) {
            throw new ConflictException(
                    "module-not-in-plan",
                    "Module not in plan",
                    "Plan '" + id + "' does not include " + String.join(", ", excluded) + "; it includes "
                            + modules.stream().map(TenantModule::id).sorted().collect(Collectors.joining(", "))
                            + ".");
        }
    }

    /** Refuses to go past a quota: {@code used} is the count before the change, which adds {@code adding}. */
    public void requireRoom(String quota, long used, long adding) {
        OptionalLong limit = quota(quota);
        if (limit.isPresent() && used + adding > limit.getAsLong()) {
            throw new ConflictException(
                    "quota-exceeded",
                    "Quota exceeded",
                    "Plan '" + id + "' allows " + limit.getAsLong() + " " + quota + "; " + used
                            + " are used. Ask the platform operator for a larger plan.");
        }
    }
}
