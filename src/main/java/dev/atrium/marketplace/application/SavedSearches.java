package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.SavedSearch;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A member's saved searches: saved from a search's criteria, listed, switched between alerting and not, deleted. */
@ApplicationScoped
@TenantTransactional
public class SavedSearches {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceAccess access;

    @Inject
    Searches searches;

    @Inject
    Taxonomy taxonomy;

    @Inject
    Now clock;

    /** A saved search as its member sees it: the criteria in slugs, as a search request names them. */
    public record SavedSearchView(
            UUID id,
            String kind,
            String name,
            String query,
            String category,
            List<String> skills,
            String pricing,
            String currency,
            Long amountMin,
            Long amountMax,
            boolean alerts,
            OffsetDateTime createdAt) {

        static SavedSearchView of(SavedSearch search, Taxonomy.Catalogue catalogue) {
            return new SavedSearchView(
                    search.id(),
                    Views.idOf(search.kind()),
                    search.name(),
                    search.query(),
                    catalogue.categorySlug(search.categoryId()),
                    catalogue.slugsOf(search.skills()),
                    Views.idOf(search.pricing()),
                    search.currency(),
                    search.amountMin(),
                    search.amountMax(),
                    search.alerts(),
                    search.createdAt());
        }
    }

    public SavedSearchView saveJobs(String name, Searches.JobQuery query, boolean alerts) {
        Membership caller = access.caller();
        requireRoom(caller.memberId());
        SavedSearch search =
                SavedSearch.ofJobs(caller.memberId(), name, searches.criteria(query), alerts, clock.dateTime());
        em.persist(search);
        return SavedSearchView.of(search, taxonomy.catalogue());
    }

    public SavedSearchView saveProfessionals(String name, Searches.ProfessionalQuery query, boolean alerts) {
        Membership caller = access.caller();
        requireRoom(caller.memberId());
        SavedSearch search = SavedSearch.ofProfessionals(
                caller.memberId(), name, searches.criteria(query, false), alerts, clock.dateTime());
        em.persist(search);
        return SavedSearchView.of(search, taxonomy.catalogue());
    }

    public List<SavedSearchView> mine() {
        Membership caller = access.caller();
        Taxonomy.Catalogue catalogue = taxonomy.catalogue();
        return em.createQuery(
                        "select s from SavedSearch s where s.memberId = :me order by s.createdAt desc",
                        SavedSearch.class)
                .setParameter("me", caller.memberId())
                .getResultStream()
                .map(search -> SavedSearchView.of(search, catalogue))
                .toList();
    }

    public SavedSearchView alerts(UUID id, boolean on) {
        SavedSearch search = own(id);
        search.alerts(on);
        em.flush();
        return SavedSearchView.of(search, taxonomy.catalogue());
    }

    public void delete(UUID id) {
        em.remove(own(id));
    }

    private SavedSearch own(UUID id) {
        SavedSearch search = em.find(SavedSearch.class, id);
        if (search == null || !search.memberId().equals(access.caller().memberId())) {
            throw new ResourceNotFoundException("There is no saved search " + id + " of yours.");
        }
        return search;
    }

    private void requireRoom(UUID memberId) {
        long saved = em.createQuery("select count(s) from SavedSearch s where s.memberId = :me", Long.class)
                .setParameter("me", memberId)
                .getSingleResult();
        if (saved >= SavedSearch.MAX_PER_MEMBER) {
            throw new ConflictException(
                    "saved-searches-full",
                    "Too many saved searches",
                    "A member keeps at most " + SavedSearch.MAX_PER_MEMBER + " saved searches; delete one first.");
        }
    }
}
