package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.security.Membership;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant the current request (or job) acts for, and the calling member.
 *
 * <p>A request starts with only what it asks for ({@link TenantAccess}, set by the tenant binding filter from the URL,
 * the token and the resource); the tenant becomes known only once {@link TenantGate} has checked that access inside
 * a tenant transaction. So nothing can read the tenant, or the caller's membership, without that check having run.
 * Work outside a request (a job, an event, onboarding) names its tenant explicitly with {@link #runAs}.
 */
@RequestScoped
public class CurrentTenant {

    private TenantAccess requested;
    private TenantRef tenant;
    private Membership caller;
    private boolean explicit;

    /** The tenant, once checked (or given explicitly to a job). */
    public TenantRef get() {
        if (tenant == null) {
            throw new IllegalStateException(
                    requested == null
                            ? "No tenant is selected for this request or job"
                            : "Tenant " + requested.slug() + " is read only inside a tenant transaction");
        }
        return tenant;
    }

    /** The tenant if one is selected, for services that serve tenants and the platform alike (the outbox, jobs). */
    public Optional<TenantRef> selected() {
        return Optional.ofNullable(tenant);
    }

    /** The calling member, once the gate has found them; empty for anonymous calls, the join, and jobs. */
    public Optional<Membership> caller() {
        return Optional.ofNullable(caller);
    }

    Optional<TenantAccess> requested() {
        return Optional.ofNullable(requested);
    }

    boolean isExplicit() {
        return explicit;
    }

    /** What the request asks for; set once, by the tenant binding filter, before any tenant transaction. */
    public void request(TenantAccess access) {
        this.requested = access;
        this.tenant = null;
        this.caller = null;
        this.explicit = false;
    }

    void admit(TenantRef checked, Membership member) {
        this.tenant = checked;
        this.caller = member;
    }

    /** Runs work for the given tenant (a job, an event, onboarding) and restores the previous selection after. */
    public <T> T runAs(TenantRef other, Supplier<T> work) {
        TenantAccess previousRequest = requested;
        TenantRef previousTenant = tenant;
        Membership previousCaller = caller;
        boolean previousExplicit = explicit;
        requested = null;
        tenant = other;
        caller = null;
        explicit = true;
        try {
            return work.get();
        } finally {
            requested = previousRequest;
            tenant = previousTenant;
            caller = previousCaller;
            explicit = previousExplicit;
        }
    }
}
