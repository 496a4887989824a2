package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.live.Live;
import dev.atrium.platform.media.MediaObjectsDeletion;
import dev.atrium.platform.outbox.Outbox;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.PlatformTransactional;
import dev.atrium.platform.plans.PlanCatalogue;
import dev.atrium.platform.tenancy.domain.Tenant;
import dev.atrium.platform.tenancy.domain.TenantChanges;
import dev.atrium.platform.tenancy.domain.TenantFilter;
import dev.atrium.platform.tenancy.domain.TenantIdentity;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.tenancy.domain.TenantRepository;
import dev.atrium.platform.tenancy.domain.TenantSlug;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transactional steps on the tenant directory. Each method is one short transaction on the {@code platform}
 * schema; the sagas in {@link TenantOnboarding} string them together with the steps that cannot be transactional
 * (DDL, Keycloak).
 */
@ApplicationScoped
public class TenantDirectory {

    @Inject
    Now clock;

    @Inject
    TenantRepository tenants;

    @Inject
    PlanCatalogue plans;

    @Inject
    Outbox outbox;

    @Inject
    Jobs jobs;

    @Inject
    Live live;

    @Inject
    @ConfigProperty(name = "atrium.db.name", defaultValue = "atrium")
    String databaseName;

    /** How long a PROVISIONING tenant may go without finishing before a new onboarding may take it over. */
    @Inject
    @ConfigProperty(name = "atrium.tenancy.onboarding-abandoned-after", defaultValue = "PT5M")
    Duration onboardingAbandonedAfter;

    /**
     * Registers the tenant as PROVISIONING for this onboarding, or takes a FAILED, DELETED or abandoned one back.
     * Of two concurrent claims of one slug, exactly one succeeds: the other waits on the row lock or the unique
     * index and then fails with 409.
     */
    @PlatformTransactional
    public TenantRef claimForOnboarding(TenantDefinition definition) {
        TenantSlug slug = definition.tenantSlug();
        TenantChanges profile = definition.changes();
        OffsetDateTime now = now();
        requireDomainsFree(slug, profile.domains());
        plans.plan(profile.plan()).requireAllows(profile.modules());
        Tenant tenant = tenants.lock(slug).orElse(null);
        if (tenant != null) {
            tenant.restartOnboarding(now, onboardingAbandonedAfter);
            tenant.revise(profile, now);
            return TenantRef.of(tenant);
        }
        tenant = Tenant.register(slug, profile.name(), profile.kind(), profile.plan(), databaseName, now);
        tenant.revise(profile, now);
        tenants.add(tenant);
        return TenantRef.of(tenant);
    }

    @PlatformTransactional
    public TenantView activate(TenantSlug slug, String schemaVersion, TenantIdentity identity) {
        Tenant tenant = locked(slug);
        tenant.activate(schemaVersion, identity, now());
        return TenantView.of(tenant);
    }

    @PlatformTransactional
    public void fail(TenantSlug slug, String reason) {
        Tenant tenant = locked(slug);
        tenant.fail(reason, now());
        discardWork(tenant);
    }

    @PlatformTransactional
    public TenantView view(TenantSlug slug) {
        return TenantView.of(existing(slug));
    }

    @PlatformTransactional
    public java.util.Optional<TenantView> find(TenantSlug slug) {
        return tenants.find(slug).map(TenantView::of);
    }

    @PlatformTransactional
    public TenantRef ref(TenantSlug slug) {
        return TenantRef.of(existing(slug));
    }

    /**
     * The tenant that work outside a request (a job, an outbox delivery) was recorded for, if it still has a schema to
     * work in: a tenant that was deleted, or is being onboarded again under the same slug, has none of its old work.
     */
    @PlatformTransactional
    public java.util.Optional<TenantRef> workingRef(java.util.UUID id) {
        return tenants.find(id).filter(Tenant::hasWorkingSchema).map(TenantRef::of);
    }

    @PlatformTransactional
    public Page<TenantView> list(TenantFilter filter, PageRequest page) {
        return tenants.list(filter, page).map(TenantView::of);
    }

    /** Applies changes; answers the tenant and the names of the parts that changed. */
    @PlatformTransactional
    public Revision revise(TenantSlug slug, TenantChanges changes) {
        Tenant tenant = locked(slug);
        if (changes.domains() != null) {
            requireDomainsFree(slug, changes.domains());
        }
        plans.plan(changes.plan() != null ? changes.plan() : tenant.plan())
                .requireAllows(changes.modules() != null ? changes.modules() : tenant.modules());
        List<String> changed = tenant.revise(changes, now());
        return new Revision(TenantView.of(tenant), TenantRef.of(tenant), changed);
    }

    /** A lifecycle change (suspend, resume, archive): answers the tenant after it. */
    @PlatformTransactional
    public TenantView change(TenantSlug slug, Consumer<Tenant> change) {
        Tenant tenant = locked(slug);
        change.accept(tenant);
        endLiveConnectionsUnlessActive(tenant);
        return TenantView.of(tenant);
    }

    /** Archives the tenant now and schedules the job that drops it at {@code due}, in one transaction. */
    @PlatformTransactional
    public TenantView scheduleDeletion(TenantSlug slug, OffsetDateTime due) {
        Tenant tenant = locked(slug);
        tenant.scheduleDeletion(due, now());
        endLiveConnectionsUnlessActive(tenant);
        jobs.schedule(
                null,
                TenantDeletionJob.KIND,
                TenantDeletionJob.jobId(tenant.id()),
                new TenantDeletionJob.Request(tenant.id(), slug.value()),
                due.toInstant());
        return TenantView.of(tenant);
    }

    /** Restores the tenant and cancels its deletion job, in one transaction. */
    @PlatformTransactional
    public TenantView cancelDeletion(TenantSlug slug) {
        Tenant tenant = locked(slug);
        tenant.cancelDeletion(now());
        jobs.cancel(TenantDeletionJob.KIND, TenantDeletionJob.jobId(tenant.id()));
        return TenantView.of(tenant);
    }

    /** Whether the tenant's scheduled deletion is due now (not cancelled or restored since it was scheduled). */
    @PlatformTransactional
    public boolean isDeletionDue(java.util.UUID id) {
        return tenants.find(id).map(tenant -> tenant.isDeletionDue(now())).orElse(false);
    }

    @PlatformTransactional
    public TenantRef requireDeletable(TenantSlug slug) {
        Tenant tenant = locked(slug);
        tenant.requireDeletable();
        return TenantRef.of(tenant);
    }

    /** Marks the tenant deleted and, in the same transaction, drops its undelivered events and unrun jobs. */
    @PlatformTransactional
    public void markDeleted(TenantSlug slug) {
        Tenant tenant = locked(slug);
        tenant.markDeleted(now());
        discardWork(tenant);
        endLiveConnectionsUnlessActive(tenant);
        // The tenant's media objects: a platform job (the tenant's own jobs were just discarded).
        jobs.schedule(
                null,
                MediaObjectsDeletion.KIND,
                "tenant-" + tenant.id() + "-" + now().toEpochSecond(),
                MediaObjectsDeletion.Request.tenant(tenant.id(), now().toInstant()),
                now().toInstant());
    }

    /**
     * Members' sockets and streams end, on every replica, when a change that stops the tenant's members from working
     * in it commits (suspended, archived, deleted): a socket is a standing request, refused like any new one.
     */
    private void endLiveConnectionsUnlessActive(Tenant tenant) {
        if (!tenant.status().acceptsWrites()) {
            live.endTenant(tenant.id(), "tenant-" + tenant.status().id());
        }
    }

    /** A failed or deleted tenant's undelivered events and unrun jobs go with it; a later tenant of the slug starts clean. */
    private void discardWork(Tenant tenant) {
        outbox.discardTenant(tenant.id());
        jobs.discardTenant(tenant.id());
    }

    @PlatformTransactional
    public List<TenantRef> withSchemas() {
        return tenants.withSchemas().stream().map(TenantRef::of).toList();
    }

    @PlatformTransactional
    public void recordSchemaVersion(TenantSlug slug, String version) {
        locked(slug).recordSchemaVersion(version, now());
    }

    /** A tenant after a revision, and which of its parts changed. */
    public record Revision(TenantView tenant, TenantRef ref, List<String> changed)
            implements dev.atrium.platform.audit.AuditTrail.Described {

        @Override
        public String auditDetail() {
            return changed.isEmpty() ? "no changes" : "changed: " + String.join(", ", changed);
        }
    }

    private void requireDomainsFree(TenantSlug slug, Set<String> domains) {
        for (String domain : domains) {
            tenants.slugOfDomain(domain)
                    .filter(owner -> !owner.equals(slug.value()))
                    .ifPresent(owner -> {
                        throw new ConflictException(
                                "tenant-domain-taken",
                                "Domain taken",
                                "Domain '" + domain + "' already serves another tenant.");
                    });
        }
    }

    private Tenant existing(TenantSlug slug) {
        return tenants.find(slug).orElseThrow(() -> notFound(slug));
    }

    private Tenant locked(TenantSlug slug) {
        return tenants.lock(slug).orElseThrow(() -> notFound(slug));
    }

    private static ResourceNotFoundException notFound(TenantSlug slug) {
        return new ResourceNotFoundException("There is no tenant '" + slug + "'.");
    }

    private OffsetDateTime now() {
        return clock.dateTime();
    }
}
