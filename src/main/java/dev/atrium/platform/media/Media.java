package dev.atrium.platform.media;

import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * The media service as modules use it: a module's use case attaches the media a member uploaded to what it creates
 * (a post, a lesson, a portfolio item), in its own transaction, and deletes them with it. Media never attached are
 * removed by {@link MediaSweep}.
 */
@ApplicationScoped
public class Media {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MediaLibrary library;

    @Inject
    Now now;

    @Inject
    ObjectStorage storage;

    /** Where members' browsers reach the platform, e.g. {@code https://atrium.example.com}. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "atrium.public-url",
            defaultValue = "http://localhost:9080")
    String publicUrl;

    @Inject
    dev.atrium.platform.tenancy.application.CurrentTenant currentTenant;

    /**
     * Gives a medium to an owner. Only the member who uploaded it (or an admin) may attach it, so that nobody puts
     * another member's private file on their own post; 409 if it already belongs to something else.
     */
    @TenantTransactional
    public MediaItem attach(UUID mediaId, MediaOwner owner) {
        MediaItem item = library.ownUpload(mediaId);
        item.attach(owner, now.dateTime());
        return item;
    }

    /**
     * Gives one of the platform's own uploads (no member uploaded it: a tenant's logo) to its owner, and deletes what
     * the owner had before, in one transaction.
     */
    @TenantTransactional
    public MediaItem replacePlatformOwned(UUID mediaId, MediaOwner owner) {
        MediaItem item = library.locked(mediaId);
        if (item.uploadedBy() != null) {
            throw new IllegalArgumentException("Medium " + mediaId + " was uploaded by a member, not the platform");
        }
        ownedBy(owner).stream()
                .filter(previous -> !previous.id().equals(mediaId))
                .forEach(library::remove);
        item.attach(owner, now.dateTime());
        return item;
    }

    @TenantTransactional
    public List<MediaItem> ownedBy(MediaOwner owner) {
        return em.createQuery(
                        "select m from MediaItem m where m.ownerModule = :module and m.ownerType = :type"
                                + " and m.ownerId = :id order by m.createdAt",
                        MediaItem.class)
                .setParameter("module", owner.module())
                .setParameter("type", owner.type())
                .setParameter("id", owner.id())
                .getResultList();
    }

    /** A medium the caller may see (public, their own, or any for admins); 404 otherwise. */
    @TenantTransactional
    public MediaItem find(UUID mediaId) {
        return library.readable(mediaId);
    }

    /** Deletes one medium (rows now, bytes in a job), as part of the caller's use case. */
    @TenantTransactional
    public void delete(MediaItem item) {
        library.remove(item);
    }

    /**
     * The address of a public medium (or a variant) for pages and mails: the platform's public URL and the content path.
     */
    public String publicUrl(MediaItem item, String variant) {
        String path = "/t/" + currentTenant.get().slug() + "/api/v1" + item.contentPath();
        return publicUrl.replaceAll("/+$", "")
                + path
                + (MediaItem.ORIGINAL.equals(variant) ? "" : "?variant=" + variant);
    }

    /** Deletes everything the owner had, with the owner's deletion (rows now, bytes in a job). */
    @TenantTransactional
    public int deleteOwnedBy(MediaOwner owner) {
        List<MediaItem> owned = ownedBy(owner);
        owned.forEach(library::remove);
        return owned.size();
    }

    /** The tenant's ready media, for its export. */
    @TenantTransactional
    public List<MediaItem> ready() {
        return em.createQuery(
                        "select m from MediaItem m where m.status = 'ready' order by m.createdAt", MediaItem.class)
                .getResultList();
    }

    /** Copies a medium's original bytes (as stored: without metadata) to {@code out}, e.g. into an export. */
    public void copyOriginal(MediaItem item, java.io.OutputStream out) throws java.io.IOException {
        try (ObjectStorage.StoredObject object =
                storage.get(item.key(currentTenant.get().id(), MediaItem.ORIGINAL), null)) {
            object.body().transferTo(out);
        }
    }
}
