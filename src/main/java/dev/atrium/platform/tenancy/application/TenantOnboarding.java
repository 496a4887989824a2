package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.audit.Actor;
import dev.atrium.platform.audit.AuditTrail;
import dev.atrium.platform.errors.AtriumException;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.tenancy.domain.IdentityProvisioning;
import dev.atrium.platform.tenancy.domain.IdentityProvisioning.ProvisionedIdentity;
import dev.atrium.platform.tenancy.domain.TenantDeleting;
import dev.atrium.platform.tenancy.domain.TenantOnboarded;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.tenancy.domain.TenantSchemas;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Onboarding and deletion: sagas over the tenant directory, the tenant's schema and Keycloak, which no single
 * transaction spans. Every step is idempotent, so a failed run is cleaned up (compensated) and marked FAILED, and
 * repeating the request starts it again; a tenant becomes ACTIVE only after every step has succeeded.
 */
@ApplicationScoped
public class TenantOnboarding {

    private static final Logger LOG = Logger.getLogger(TenantOnboarding.class.getName());

    @Inject
    TenantDirectory directory;

    @Inject
    TenantSchemas schemas;

    @Inject
    IdentityProvisioning identities;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Event<TenantOnboarded> onboarded;

    @Inject
    Event<TenantDeleting> deleting;

    @Inject
    AuditTrail audit;

    @Inject
    TenantDomains domains;

    public OnboardedTenant onboard(TenantDefinition definition, Actor actor) {
        TenantSlug slug = definition.tenantSlug();
        return audit.record(actor, "tenant.onboard", slug.value(), () -> run(definition));
    }

    private OnboardedTenant run(TenantDefinition definition) {
        long started = System.nanoTime();
        TenantRef claimed = directory.claimForOnboarding(definition);
        TenantSlug slug = claimed.slug();
        try {
            String schemaVersion = schemas.migrate(claimed.schemaName());
            long schemaDone = System.nanoTime();
            ProvisionedIdentity identity = identities.provision(
                    slug,
                    claimed.name(),
                    claimed.branding(),
                    definition.changes().domains(),
                    definition.firstAdmin());
            long identityDone = System.nanoTime();
            TenantRef provisioned = claimed.withIdentity(identity.identity());
            currentTenant.runAs(provisioned, () -> {
                onboarded.fire(new TenantOnboarded(
                        provisioned, identity.adminSubject(), definition.firstAdmin(), definition.withSampleData()));
                return null;
            });
            TenantView active = directory.activate(slug, schemaVersion, identity.identity());
            domains.forget();
            long done = System.nanoTime();
            return new OnboardedTenant(
                    active,
                    new OnboardedTenant.FirstAdminAccess(
                            definition.firstAdmin().email(), identity.adminTemporaryPassword(), true),
                    new OnboardedTenant.Timings(
                            millis(schemaDone - started), millis(identityDone - schemaDone), millis(done - started)));
        } catch (RuntimeException failure) {
            String reason = reasonOf(failure);
            LOG.log(Level.WARNING, "Onboarding of tenant " + slug + " failed; removing what was created", failure);
            compensate(claimed);
            directory.fail(slug, reason);
            throw new OnboardingFailedException(slug.value(), reason, failure);
        }
    }

    /**
     * Deletes a tenant's data for good: its schema and its Keycloak organisation and client. The directory entry
     * stays, as DELETED, so the audit log keeps pointing somewhere and the slug can be onboarded again.
     */
    public void delete(TenantSlug slug, String confirmation, Actor actor) {
        audit.record(actor, "tenant.delete", slug.value(), () -> {
            if (!slug.value().equals(confirmation)) {
                throw new ConflictException(
                        "tenant-delete-unconfirmed",
                        "Confirmation required",
                        "Deleting tenant '" + slug + "' drops its schema with all its data and its Keycloak"
                                + " organisation and client. To do that, repeat the request with ?confirm=" + slug
                                + "; to keep the data and only close the tenant, archive it instead.");
            }
            TenantRef tenant = directory.requireDeletable(slug);
            if (tenant.status().hasWorkingSchema()) {
                deleting.fire(new TenantDeleting(tenant));
            }
            identities.remove(slug);
            schemas.drop(tenant.schemaName());
            directory.markDeleted(slug);
            domains.forget();
            return null;
        });
    }

    /** Removes what a failed onboarding created; what cannot be removed now is found and reused by a retry. */
    private void compensate(TenantRef tenant) {
        try {
            identities.remove(tenant.slug());
        } catch (RuntimeException stillThere) {
            LOG.log(
                    Level.WARNING,
                    "Could not remove the Keycloak resources of tenant " + tenant.slug()
                            + "; a repeated onboarding reuses them",
                    stillThere);
        }
        try {
            schemas.drop(tenant.schemaName());
        } catch (RuntimeException stillThere) {
            LOG.log(Level.WARNING, "Could not drop schema " + tenant.schemaName(), stillThere);
        }
    }

    private static String reasonOf(RuntimeException failure) {
        if (failure instanceof AtriumException known) {
            return known.getMessage();
        }
        return "unexpected " + failure.getClass().getSimpleName();
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
