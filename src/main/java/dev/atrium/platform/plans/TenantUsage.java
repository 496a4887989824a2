package dev.atrium.platform.plans;

import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** The current tenant's use of its plan's quotas, for its admins. */
@ApplicationScoped
public class TenantUsage {

    @Inject
    CurrentTenant currentTenant;

    @Inject
    PlanCatalogue plans;

    @Inject
    Instance<UsageMeter> meters;

    /**
     * One quota: {@code limit} is null when the plan sets none; {@code used} is null while no module measures it yet
     * (storage, until the media service lands).
     */
    public record QuotaUsage(Long used, Long limit) {}

    public record Usage(String plan, String planName, Map<String, QuotaUsage> quotas) {}

    @TenantTransactional
    public Usage current() {
        Plan plan = plans.plan(currentTenant.get().plan());
        Map<String, Long> used = new LinkedHashMap<>();
        meters.forEach(meter -> used.put(meter.quota(), meter.used()));
        TreeSet<String> names = new TreeSet<>(plan.quotas().keySet());
        names.addAll(used.keySet());
        Map<String, QuotaUsage> quotas = new LinkedHashMap<>();
        names.forEach(name ->
                quotas.put(name, new QuotaUsage(used.get(name), plan.quotas().get(name))));
        return new Usage(plan.id(), plan.name(), quotas);
    }
}
