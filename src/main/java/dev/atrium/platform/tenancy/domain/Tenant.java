package dev.atrium.platform.tenancy.domain;

import dev.atrium.platform.errors.ConflictException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An organisation onboarded onto the platform: the directory entry that says who it is, how it is branded, which
 * modules it uses, where its data lives and where it is in its life. Its data itself lives in its own schema.
 *
 * <p>Lifecycle: PROVISIONING → ACTIVE ⇄ SUSPENDED, ACTIVE/SUSPENDED → ARCHIVED → ACTIVE, any settled state → DELETED;
 * a failed onboarding ends FAILED and can be started again, as can a DELETED slug.
 */
@Entity
@Table(name = "tenant", schema = "platform")
public class Tenant {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantStatus status;

    @Column(nullable = false)
    private String plan;

    @Embedded
    private Branding branding;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "tenant_module", schema = "platform", joinColumns = @JoinColumn(name = "tenant_id"))
    @Column(name = "module")
    @Enumerated(EnumType.STRING)
    private Set<TenantModule> modules = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "tenant_domain", schema = "platform", joinColumns = @JoinColumn(name = "tenant_id"))
    @Column(name = "domain")
    private Set<String> domains = new HashSet<>();

    @Column(name = "database_name", nullable = false)
    private String databaseName;

    @Column(name = "schema_name", nullable = false)
    private String schemaName;

    @Column(name = "schema_version")
    private String schemaVersion;

    /** Set while a scheduled deletion waits; the tenant is archived meanwhile. */
    @Column(name = "deletion_due_at")
    private OffsetDateTime deletionDueAt;

    @Column(name = "keycloak_organization_id")
    private String keycloakOrganizationId;

    @Column(name = "keycloak_client_id")
    private String keycloakClientId;

    @Column(name = "failure_reason")
    private String failureReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "status_changed_at", nullable = false)
    private OffsetDateTime statusChangedAt;

    @Version
    private long version;

    protected Tenant() {}

    private Tenant(TenantSlug slug, String databaseName, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.slug = slug.value();
        this.schemaName = slug.schemaName();
        this.databaseName = databaseName;
        this.status = TenantStatus.PROVISIONING;
        this.createdAt = now;
        this.updatedAt = now;
        this.statusChangedAt = now;
    }

    /** A new tenant, PROVISIONING until onboarding has made its schema and its Keycloak organisation and client. */
    public static Tenant register(
            TenantSlug slug, String name, TenantKind kind, String plan, String databaseName, OffsetDateTime now) {
        Tenant tenant = new Tenant(slug, databaseName, now);
        tenant.name = Objects.requireNonNull(name);
        tenant.kind = Objects.requireNonNull(kind);
        tenant.plan = Objects.requireNonNull(plan);
        tenant.branding = Branding.none();
        return tenant;
    }

    /**
     * Takes a FAILED or DELETED tenant, or one whose onboarding was abandoned (PROVISIONING for longer than {@code
     * abandonedAfter}, e.g. after a crash), back into onboarding. Anything else is already onboarded or being
     * onboarded by someone else right now.
     */
    public void restartOnboarding(OffsetDateTime now, Duration abandonedAfter) {
        boolean abandoned = status == TenantStatus.PROVISIONING
                && statusChangedAt.plus(abandonedAfter).isBefore(now);
        if (status == TenantStatus.PROVISIONING && !abandoned) {
            throw new ConflictException(
                    "tenant-onboarding-in-progress",
                    "Onboarding in progress",
                    "Tenant '" + slug + "' is being onboarded right now; try again when that has finished.");
        }
        if (status != TenantStatus.FAILED && status != TenantStatus.DELETED && !abandoned) {
            throw new ConflictException(
                    "tenant-exists", "Tenant exists", "A tenant with slug '" + slug + "' already exists.");
        }
        failureReason = null;
        changeStatus(TenantStatus.PROVISIONING, now);
    }

    public void activate(String migratedSchemaVersion, TenantIdentity identity, OffsetDateTime now) {
        requireStatus(TenantStatus.PROVISIONING, "activate");
        schemaVersion = migratedSchemaVersion;
        keycloakOrganizationId = identity.organizationId();
        keycloakClientId = identity.clientId();
        changeStatus(TenantStatus.ACTIVE, now);
    }

    /** Onboarding failed; its partial resources have been removed, and onboarding the slug again starts over. */
    public void fail(String reason, OffsetDateTime now) {
        failureReason = reason;
        schemaVersion = null;
        keycloakOrganizationId = null;
        keycloakClientId = null;
        changeStatus(TenantStatus.FAILED, now);
    }

    /** @return whether the status changed (suspending a suspended tenant changes nothing) */
    public boolean suspend(OffsetDateTime now) {
        if (status == TenantStatus.SUSPENDED) {
            return false;
        }
        requireStatus(TenantStatus.ACTIVE, "suspend");
        changeStatus(TenantStatus.SUSPENDED, now);
        return true;
    }

    /** Brings a suspended or archived tenant back. @return whether the status changed */
    public boolean resume(OffsetDateTime now) {
        if (deletionDueAt != null) {
            throw new ConflictException(
                    "tenant-deletion-scheduled",
                    "Deletion scheduled",
                    "Tenant '" + slug + "' is to be deleted at " + deletionDueAt + "; cancel the deletion to restore"
                            + " it (DELETE /api/v1/platform/tenants/" + slug + "/deletion).");
        }
        if (status == TenantStatus.ACTIVE) {
            return false;
        }
        if (status != TenantStatus.SUSPENDED && status != TenantStatus.ARCHIVED) {
            throw illegalTransition("resume");
        }
        changeStatus(TenantStatus.ACTIVE, now);
        return true;
    }

    /** Hides the tenant from its members and keeps all of its data. @return whether the status changed */
    public boolean archive(OffsetDateTime now) {
        if (status == TenantStatus.ARCHIVED) {
            return false;
        }
        if (status != TenantStatus.ACTIVE && status != TenantStatus.SUSPENDED) {
            throw illegalTransition("archive");
        }
        changeStatus(TenantStatus.ARCHIVED, now);
        return true;
    }

    /**
     * Schedules the tenant's deletion after a grace period: archived now (hidden from its members, data kept), dropped
     * at {@code due} unless restored before.
     */
    public void scheduleDeletion(OffsetDateTime due, OffsetDateTime now) {
        if (deletionDueAt != null) {
            throw new ConflictException(
                    "tenant-deletion-scheduled",
                    "Deletion already scheduled",
                    "Tenant '" + slug + "' is already to be deleted at " + deletionDueAt + "; restore it first to"
                            + " change that.");
        }
        archive(now);
        deletionDueAt = due;
    }

    /** Restores a tenant whose deletion was scheduled: active again, nothing deleted. */
    public void cancelDeletion(OffsetDateTime now) {
        if (deletionDueAt == null) {
            throw new ConflictException(
                    "tenant-deletion-not-scheduled",
                    "No deletion scheduled",
                    "Tenant '" + slug + "' has no scheduled deletion to cancel.");
        }
        deletionDueAt = null;
        resume(now);
    }

    /** Whether the scheduled deletion is still wanted at {@code now} (not cancelled, not moved, due). */
    public boolean isDeletionDue(OffsetDateTime now) {
        return deletionDueAt != null && !deletionDueAt.isAfter(now) && status == TenantStatus.ARCHIVED;
    }

    public OffsetDateTime deletionDueAt() {
        return deletionDueAt;
    }

    /** Checked before the schema and Keycloak resources are dropped. */
    public void requireDeletable() {
        if (status == TenantStatus.PROVISIONING) {
            throw illegalTransition("delete");
        }
    }

    public void markDeleted(OffsetDateTime now) {
        requireDeletable();
        deletionDueAt = null;
        schemaVersion = null;
        keycloakOrganizationId = null;
        keycloakClientId = null;
        domains.clear();
        changeStatus(TenantStatus.DELETED, now);
    }

    public void recordSchemaVersion(String migratedSchemaVersion, OffsetDateTime now) {
        if (!Objects.equals(schemaVersion, migratedSchemaVersion)) {
            schemaVersion = migratedSchemaVersion;
            updatedAt = now;
        }
    }

    /**
     * Applies the given changes and names the parts that actually changed (empty: nothing did), for the answer and
     * for the audit log.
     */
    public List<String> revise(TenantChanges changes, OffsetDateTime now) {
        if (status == TenantStatus.DELETED) {
            throw illegalTransition("change");
        }
        List<String> changed = new ArrayList<>();
        if (changes.name() != null && !changes.name().equals(name)) {
            name = changes.name();
            changed.add("name");
        }
        if (changes.kind() != null && changes.kind() != kind) {
            kind = changes.kind();
            changed.add("kind");
        }
        if (changes.plan() != null && !changes.plan().equals(plan)) {
            plan = changes.plan();
            changed.add("plan");
        }
        if (changes.branding() != null && !changes.branding().sameAs(branding())) {
            branding = changes.branding();
            changed.add("branding");
        }
        if (changes.modules() != null && !changes.modules().equals(modules)) {
            modules.clear();
            modules.addAll(changes.modules());
            changed.add("modules");
        }
        if (changes.domains() != null && !changes.domains().equals(domains)) {
            domains.clear();
            domains.addAll(changes.domains());
            changed.add("domains");
        }
        if (!changed.isEmpty()) {
            updatedAt = now;
        }
        return changed;
    }

    private void requireStatus(TenantStatus expected, String action) {
        if (status != expected) {
            throw illegalTransition(action);
        }
    }

    private ConflictException illegalTransition(String action) {
        return new ConflictException(
                "tenant-status-conflict",
                "Not possible in the tenant's status",
                "Cannot " + action + " tenant '" + slug + "' while it is " + status.id() + ".");
    }

    private void changeStatus(TenantStatus next, OffsetDateTime now) {
        status = next;
        statusChangedAt = now;
        updatedAt = now;
    }

    public boolean hasWorkingSchema() {
        return status.hasWorkingSchema();
    }

    public UUID id() {
        return id;
    }

    public TenantSlug slug() {
        return TenantSlug.of(slug);
    }

    public String name() {
        return name;
    }

    public TenantKind kind() {
        return kind;
    }

    public TenantStatus status() {
        return status;
    }

    public String plan() {
        return plan;
    }

    public Branding branding() {
        return branding == null ? Branding.none() : branding;
    }

    public Set<TenantModule> modules() {
        return modules.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(modules));
    }

    public Set<String> domains() {
        return Set.copyOf(domains);
    }

    public String databaseName() {
        return databaseName;
    }

    public String schemaName() {
        return schemaName;
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    public TenantIdentity identity() {
        return new TenantIdentity(keycloakOrganizationId, keycloakClientId);
    }

    public String failureReason() {
        return failureReason;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public OffsetDateTime statusChangedAt() {
        return statusChangedAt;
    }

    public long version() {
        return version;
    }
}
