package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.audit.Actor;
import dev.atrium.platform.audit.AuditTrail;
import dev.atrium.platform.tenancy.domain.IdentityProvisioning;
import dev.atrium.platform.tenancy.domain.TenantChanges;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;

/** Operators' changes to onboarded tenants, each recorded in the audit log. */
@ApplicationScoped
public class TenantAdministration {

    @Inject
    Now clock;

    @Inject
    TenantDirectory directory;

    @Inject
    IdentityProvisioning identities;

    @Inject
    TenantDomains domains;

    @Inject
    AuditTrail audit;

    /**
     * Changes name, plan, branding, modules or domains. The login page's branding in Keycloak is brought in line on
     * every call (it is idempotent), so repeating a call whose Keycloak part failed repairs it.
     */
    public TenantDirectory.Revision revise(TenantSlug slug, TenantChanges changes, Actor actor) {
        return audit.record(actor, "tenant.update", slug.value(), () -> {
            TenantDirectory.Revision revision = directory.revise(slug, changes);
            domains.forget();
            TenantRef tenant = revision.ref();
            if (tenant.status().isVisibleToMembers()) {
                identities.updateLoginBranding(
                        slug,
                        tenant.name(),
                        tenant.branding(),
                        java.util.Set.copyOf(revision.tenant().domains()));
            }
            return revision;
        });
    }

    public TenantView suspend(TenantSlug slug, Actor actor) {
        return audit.record(actor, "tenant.suspend", slug.value(), () -> directory.change(slug, t -> t.suspend(now())));
    }

    public TenantView resume(TenantSlug slug, Actor actor) {
        return audit.record(actor, "tenant.resume", slug.value(), () -> directory.change(slug, t -> t.resume(now())));
    }

    public TenantView archive(TenantSlug slug, Actor actor) {
        return audit.record(actor, "tenant.archive", slug.value(), () -> directory.change(slug, t -> t.archive(now())));
    }

    /**
     * Schedules the tenant's deletion after {@code graceDays}: archived now, dropped then by a job, restorable until
     * then with {@link #cancelDeletion}.
     */
    public TenantView scheduleDeletion(TenantSlug slug, int graceDays, Actor actor) {
        return audit.record(
                actor,
                "tenant.schedule-deletion",
                slug.value(),
                () -> directory.scheduleDeletion(slug, now().plusDays(graceDays)));
    }

    public TenantView cancelDeletion(TenantSlug slug, Actor actor) {
        return audit.record(actor, "tenant.cancel-deletion", slug.value(), () -> directory.cancelDeletion(slug));
    }

    private OffsetDateTime now() {
        return clock.dateTime();
    }
}
