package dev.atrium.platform.plans;

import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.tenancy.domain.TenantModule;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** What a plan lets a tenant do: the modules it may switch on and its quotas (a quota left out is unlimited). */
public record Plan(String id, String name, Set<TenantModule> modules, Map<String, Long> quotas) {

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
