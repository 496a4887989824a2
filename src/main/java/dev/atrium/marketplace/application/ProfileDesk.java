package dev.atrium.marketplace.application;

import dev.atrium.billing.Entitlements;
import dev.atrium.marketplace.domain.PortfolioItem;
import dev.atrium.marketplace.domain.Profile;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Profiles: a professional writes theirs (and its portfolio); members read professionals' profiles and clients'
 * hiring records. The facts on a profile come from contracts and reviews, never from the professional.
 */
@ApplicationScoped
@TenantTransactional
public class ProfileDesk {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceAccess access;

    @Inject
    Taxonomy taxonomy;

    @Inject
    Entitlements entitlements;

    @Inject
    MarketplaceMedia files;

    @Inject
    dev.atrium.platform.jobs.Jobs jobs;

    @Inject
    Now clock;

    /** Creates or changes the caller's profile. @param skills slugs, or null to keep them */
    public Views.ProfileView save(Profile.Details details, Collection<String> skills) {
        Membership professional = access.professional();
        Taxonomy.SkillSet resolved = skills == null ? null : taxonomy.skillsOf(skills);
        Profile.Details withSkills = new Profile.Details(
                details.headline(),
                details.bio(),
                details.hourlyRate(),
                details.currency(),
                details.location(),
                details.timeZone(),
                details.availability(),
                details.languages(),
                details.visibility(),
                resolved == null ? null : resolved.ids(),
                resolved == null ? null : resolved.names());
        Profile profile = em.find(Profile.class, professional.memberId(), LockModeType.PESSIMISTIC_WRITE);
        if (profile == null) {
            profile = Profile.create(professional.memberId(), professional.displayName(), withSkills, clock.dateTime());
            em.persist(profile);
            SearchAlerts.professionalJoined(jobs, profile.memberId());
        } else {
            profile.renamed(professional.displayName());
            profile.activate();
            profile.revise(withSkills, clock.dateTime());
        }
        em.flush();
        MarketplaceEmbeddings.schedule(jobs, "profile", profile.memberId());
        return view(profile);
    }

    public Views.ProfileView mine() {
        Membership caller = access.caller();
        Profile profile = em.find(Profile.class, caller.memberId());
        if (profile == null) {
            throw new ResourceNotFoundException(
                    "no-profile", "No profile", "You have no marketplace profile yet; create it with PUT.");
        }
        return view(profile);
    }

    /** A professional's profile, for any member (an inactive one, of someone who left, is gone). */
    public Views.ProfileView get(UUID memberId) {
        access.caller();
        Profile profile = em.find(Profile.class, memberId);
        if (profile == null || !profile.active()) {
            throw new ResourceNotFoundException("There is no professional profile of " + memberId + ".");
        }
        return view(profile);
    }

    public Views.PortfolioItemView addPortfolioItem(String title, String description, UUID mediaId, String link) {
        Membership professional = access.professional();
        Profile profile = em.find(Profile.class, professional.memberId(), LockModeType.PESSIMISTIC_WRITE);
        if (profile == null) {
            throw new ConflictException("no-profile", "No profile", "Create your profile before its portfolio.");
        }
        List<PortfolioItem> items = portfolio(profile.memberId());
        if (items.size() >= PortfolioItem.MAX_ITEMS) {
            throw new ConflictException(
                    "portfolio-full", "Portfolio full", "A portfolio holds " + PortfolioItem.MAX_ITEMS + " items.");
        }
        int position = items.stream().mapToInt(PortfolioItem::position).max().orElse(0) + 1;
        PortfolioItem item =
                PortfolioItem.add(profile.memberId(), position, title, description, mediaId, link, clock.dateTime());
        em.persist(item);
        if (mediaId != null) {
            files.attach("portfolio", item.id(), List.of(mediaId));
        }
        MarketplaceEmbeddings.schedule(jobs, "profile", profile.memberId());
        return Views.PortfolioItemView.of(item);
    }

    public void removePortfolioItem(UUID itemId) {
        Membership professional = access.professional();
        PortfolioItem item = em.find(PortfolioItem.class, itemId);
        if (item == null || !item.memberId().equals(professional.memberId())) {
            throw new ResourceNotFoundException("There is no portfolio item " + itemId + " of yours.");
        }
        if (item.mediaId() != null) {
            files.attach("portfolio", item.id(), List.of(item.mediaId()), List.of());
        }
        em.remove(item);
    }

    /**
     * What a client's record shows professionals deciding whether to work with them: jobs posted, hires, what they
     * paid out through the marketplace (per currency), and how professionals rated them in published reviews.
     */
    public record ClientRecord(
            UUID memberId,
            long jobsPosted,
            long openJobs,
            long hires,
            List<Spent> paid,
            Double averageRating,
            long ratingCount) {}

    public record Spent(String currency, long amount) {}

    public ClientRecord client(UUID memberId) {
        access.caller();
        Object[] jobs = NativeQueries.rows(
                        em,
                        "select count(*) filter (where status <> 'DRAFT'), count(*) filter (where status = 'OPEN')"
                                + " from marketplace_job where client_id = ?1",
                        memberId)
                .get(0);
        long hires = ((Number) NativeQueries.rows(
                                em, "select count(*) from marketplace_contract where client_id = ?1", memberId)
                        .get(0)[0])
                .longValue();
        List<Spent> paid = NativeQueries.rows(
                        em,
                        "select m.currency, sum(m.released_amount) from marketplace_milestone m"
                                + " join marketplace_contract c on c.id = m.contract_id"
                                + " where c.client_id = ?1 and m.released_amount is not null group by m.currency"
                                + " order by m.currency",
                        memberId)
                .stream()
                .map(row -> new Spent((String) row[0], ((Number) row[1]).longValue()))
                .toList();
        ReviewViews.Ratings rating =
                ReviewTallies.of(em, memberId).get(dev.atrium.marketplace.domain.Contract.Party.CLIENT);
        return new ClientRecord(
                memberId,
                ((Number) jobs[0]).longValue(),
                ((Number) jobs[1]).longValue(),
                hires,
                paid,
                rating.averageOverall(),
                rating.count());
    }

    List<PortfolioItem> portfolio(UUID memberId) {
        return em.createQuery(
                        "select i from PortfolioItem i where i.memberId = :member order by i.position",
                        PortfolioItem.class)
                .setParameter("member", memberId)
                .getResultList();
    }

    Views.ProfileView view(Profile profile) {
        return Views.ProfileView.of(
                profile,
                taxonomy.catalogue(),
                entitlements.has(profile.memberId(), Entitlements.FEATURED_IN_SEARCH),
                portfolio(profile.memberId()));
    }
}
