package dev.atrium.example;

import dev.atrium.identity.Members;
import dev.atrium.platform.api.EntityTags;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.persistence.TenantTransactional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The use cases; a module this small keeps its repository here instead of a layer of its own. */
@ApplicationScoped
@TenantTransactional
public class Announcements {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Members members;

    @Inject
    Clock clock;

    public record View(UUID id, String title, String body, boolean pinned, UUID authorId, long version) {

        static View of(Announcement a) {
            return new View(a.id(), a.title(), a.body(), a.pinned(), a.authorId(), a.version());
        }
    }

    public View publish(String title, String body) {
        Announcement announcement =
                new Announcement(title, body, members.current().id(), OffsetDateTime.now(clock));
        em.persist(announcement);
        em.flush();
        return View.of(announcement);
    }

    public Page<View> list(PageRequest page) {
        return JpaPages.page(
                        em,
                        Announcement.class,
                        "Announcement a",
                        "",
                        "a.pinned desc, a.createdAt desc, a.id",
                        Map.of(),
                        page)
                .map(View::of);
    }

    public View get(UUID id) {
        return View.of(existing(id));
    }

    public View edit(UUID id, EntityTags.IfMatch ifMatch, String title, String body, Boolean pin, Set<String> cleared) {
        Announcement announcement = existing(id);
        ifMatch.check(announcement.version());
        announcement.edit(title, body, pin, cleared, OffsetDateTime.now(clock));
        em.flush();
        return View.of(announcement);
    }

    public void remove(UUID id) {
        em.remove(existing(id));
    }

    private Announcement existing(UUID id) {
        Announcement announcement = em.find(Announcement.class, id);
        if (announcement == null) {
            throw new ResourceNotFoundException("There is no announcement " + id + ".");
        }
        return announcement;
    }
}
