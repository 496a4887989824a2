package dev.atrium.platform.media;

import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.plans.Plan;
import dev.atrium.platform.plans.PlanCatalogue;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/**
 * The media use cases that touch the database, each one short tenant transaction. Bytes move between them, outside
 * any transaction ({@link MediaUploads}): the row is registered first (so the quota holds under concurrent uploads),
 * the bytes stored second, the row marked stored last.
 */
@ApplicationScoped
public class MediaLibrary {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    PlanCatalogue plans;

    @Inject
    Jobs jobs;

    @Inject
    Now now;

    @Inject
    @jakarta.enterprise.inject.Any
    jakarta.enterprise.inject.Instance<MediaReadAccess> readAccess;

    @Inject
    dev.atrium.platform.audit.TenantAuditLog audit;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "atrium.media.upload-url-valid-for",
            defaultValue = "PT15M")
    java.time.Duration uploadUrlValidFor;

    /** How long a signed upload URL works. */
    public java.time.Duration uploadUrlValidFor() {
        return uploadUrlValidFor;
    }

    /**
     * Registers an upload of {@code size} bytes, refusing it (409 quota-exceeded) if the tenant's stored media and
     * the uploads in flight would pass the plan's storage quota. Uploads of one tenant take turns here (an advisory
     * lock), so two at once cannot both fit into the last free bytes.
     */
    @TenantTransactional
    public MediaItem register(
            MediaKind kind, String contentType, String filename, long size, boolean publicly, MediaItem.Status status) {
        // No caller: the platform's own upload (a logo from tenants as code), which runs without a request.
        UUID uploader = currentTenant.caller().map(Membership::memberId).orElse(null);
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(current_schema() || '.media'))")
                .getSingleResult();
        Plan plan = plans.plan(currentTenant.get().plan());
        plan.requireRoom(Plan.STORAGE_BYTES, storedBytes(), size);
        MediaItem item = new MediaItem(kind, contentType, filename, size, publicly, status, uploader, now.dateTime());
        em.persist(item);
        return item;
    }

    /**
     * Passes the tenant gate (tenant, token, membership) before an upload's body is read, so that nobody who may not
     * upload makes the server spool a file.
     */
    @TenantTransactional
    public void requireMember() {
        currentTenant.caller().orElseThrow();
    }

    /** Bytes used: every medium's stored bytes, uploads in flight included. */
    @TenantTransactional
    public long storedBytes() {
        Number used = (Number) em.createNativeQuery("select coalesce(sum(stored_bytes), 0) from media")
                .getSingleResult();
        return used.longValue();
    }

    /** The original is in storage: documents are ready, other kinds are queued for processing. */
    @TenantTransactional
    public MediaItem stored(UUID id) {
        MediaItem item = locked(id);
        item.stored();
        if (item.kind().isProcessed()) {
            jobs.schedule(MediaProcessing.KIND, id.toString(), new MediaProcessing.Request(id), Instant.now());
        }
        return item;
    }

    /** An upload whose bytes never made it (storage failed, or they were refused after the fact). */
    @TenantTransactional
    public void forget(UUID id) {
        MediaItem item = em.find(MediaItem.class, id);
        if (item != null) {
            em.remove(item);
        }
    }

    /**
     * A medium the caller may see: public ones, their own, any for admins, and those of an object its module lets the
     * caller read (a message's attachment for the conversation's participants); 404 otherwise (as if it did not
     * exist).
     */
    @TenantTransactional
    public MediaItem readable(UUID id) {
        MediaItem item = existing(id);
        Membership caller = currentTenant.caller().orElse(null);
        if (item.isPublic() || caller != null && (caller.isAdmin() || item.uploadedBy(caller.memberId()))) {
            return item;
        }
        if (caller != null && item.owner() != null && ownerLetsRead(item.owner())) {
            return item;
        }
        throw notFound(id);
    }

    private boolean ownerLetsRead(MediaOwner owner) {
        for (MediaReadAccess access : readAccess) {
            if (access.module().equals(owner.module())) {
                return access.callerMayRead(owner);
            }
        }
        return false;
    }

    /** A public medium for anyone, with or without a token. */
    @TenantTransactional
    public MediaItem publicly(UUID id) {
        MediaItem item = existing(id);
        if (!item.isPublic()) {
            throw notFound(id);
        }
        return item;
    }

    /** A medium its uploader (or an admin) may change: finish its upload, delete it. */
    @TenantTransactional
    public MediaItem ownUpload(UUID id) {
        // Locked: processing updates the same row (progress, variants) while its uploader attaches or completes it.
        MediaItem item = locked(id);
        Membership caller = currentTenant.caller().orElseThrow();
        if (!caller.isAdmin() && !item.uploadedBy(caller.memberId())) {
            if (!item.isPublic()) {
                throw notFound(id);
            }
            throw new ForbiddenException(
                    "not-the-uploader",
                    "Not the uploader",
                    "Only whoever uploaded a medium, or an admin, may change it.");
        }
        return item;
    }

    /** Deletes the medium's row now and its objects in a job (storage is not transactional). */
    @TenantTransactional
    public void delete(UUID id) {
        MediaItem item = ownUpload(id);
        remove(item);
        audit.record(
                "media.delete", item.filename() + " (" + id + ")", item.kind().id());
    }

    void remove(MediaItem item) {
        UUID tenant = currentTenant.get().id();
        String prefix = MediaItem.prefix(tenant, item.id());
        em.remove(em.contains(item) ? item : em.find(MediaItem.class, item.id()));
        jobs.schedule(
                MediaObjectsDeletion.KIND,
                item.id().toString(),
                MediaObjectsDeletion.Request.of(prefix),
                Instant.now());
        if (item.status() == MediaItem.Status.AWAITING_UPLOAD) {
            // Its signed upload URL still works for a while: whatever is PUT with it is deleted once it no longer does.
            jobs.schedule(
                    MediaObjectsDeletion.KIND,
                    item.id() + "-late",
                    MediaObjectsDeletion.Request.of(prefix),
                    Instant.now().plus(uploadUrlValidFor).plusSeconds(60));
        }
    }

    MediaItem locked(UUID id) {
        MediaItem item = em.find(MediaItem.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            throw notFound(id);
        }
        return item;
    }

    private MediaItem existing(UUID id) {
        MediaItem item = em.find(MediaItem.class, id);
        if (item == null) {
            throw notFound(id);
        }
        return item;
    }

    static ResourceNotFoundException notFound(UUID id) {
        return new ResourceNotFoundException("media-not-found", "Media not found", "There is no medium " + id + ".");
    }
}
