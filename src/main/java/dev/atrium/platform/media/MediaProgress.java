package dev.atrium.platform.media;

import dev.atrium.platform.persistence.TenantTransactional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** The processing job's writes, each its own short transaction, so that progress shows while the work goes on. */
@ApplicationScoped
public class MediaProgress {

    // Each step locks the medium's row: its uploader may be attaching it (another update of the same row) meanwhile,
    // and neither should fail the other on the version check.

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /** The medium to process, marked processing; empty if it was deleted or is not waiting for processing. */
    @TenantTransactional
    public Optional<MediaItem> begin(UUID id) {
        MediaItem item = em.find(MediaItem.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (item == null
                || item.status() == MediaItem.Status.READY
                || item.status() == MediaItem.Status.FAILED
                || item.status() == MediaItem.Status.AWAITING_UPLOAD) {
            return Optional.empty();
        }
        item.processing(5);
        return Optional.of(item);
    }

    @TenantTransactional
    public void at(UUID id, int percent) {
        MediaItem item = em.find(MediaItem.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (item != null) {
            item.processing(percent);
        }
    }

    /** @return false if the medium was deleted while it was processed (its new objects are then the caller's to delete) */
    @TenantTransactional
    public boolean ready(UUID id, MediaProcessing.Processed processed) {
        MediaItem item = em.find(MediaItem.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            return false;
        }
        {
            item.ready(
                    processed.width(),
                    processed.height(),
                    processed.durationMs(),
                    processed.variants(),
                    processed.storedBytes(),
                    processed.note());
        }
        return true;
    }

    @TenantTransactional
    public void failed(UUID id, String reason) {
        MediaItem item = em.find(MediaItem.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (item != null) {
            item.failed(reason.length() > 500 ? reason.substring(0, 500) : reason);
        }
    }
}
