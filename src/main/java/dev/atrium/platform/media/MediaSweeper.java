package dev.atrium.platform.media;

import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;

/** One tenant's sweep, in one transaction. */
@ApplicationScoped
public class MediaSweeper {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MediaLibrary library;

    @Inject
    Now now;

    @TenantTransactional
    public int sweep(Duration unattachedFor) {
        List<MediaItem> stale = em.createQuery(
                        "select m from MediaItem m where m.ownerId is null and m.createdAt < :before", MediaItem.class)
                .setParameter("before", now.dateTime().minus(unattachedFor))
                .setMaxResults(1000)
                .getResultList();
        stale.forEach(library::remove);
        return stale.size();
    }
}
