package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.RequestScoped;
import java.util.function.Supplier;

/**
 * The tenant the current request (or job) acts for. Set once per request by the tenant binding filter, after the
 * tenant was resolved from the URL or Host and checked against the caller's token; work outside a request names its
 * tenant explicitly with {@link #runAs}.
 */
@RequestScoped
public class CurrentTenant {

    private TenantRef tenant;

    public TenantRef get() {
        if (tenant == null) {
            throw new IllegalStateException("No tenant is selected for this request or job");
        }
        return tenant;
    }

    public boolean isSelected() {
        return tenant != null;
    }

    void select(TenantRef resolved) {
        this.tenant = resolved;
    }

    /** Runs work for the given tenant (a job, an event, onboarding) and restores the previous selection after. */
    public <T> T runAs(TenantRef other, Supplier<T> work) {
        TenantRef previous = tenant;
        tenant = other;
        try {
            return work.get();
        } finally {
            tenant = previous;
        }
    }
}
