package dev.atrium.marketplace.application;

import dev.atrium.billing.Entitlements;
import dev.atrium.marketplace.domain.Availability;
import dev.atrium.marketplace.domain.ExperienceLevel;
import dev.atrium.marketplace.domain.Job;
import dev.atrium.marketplace.domain.JobCriteria;
import dev.atrium.marketplace.domain.MarketplaceSettings;
import dev.atrium.marketplace.domain.Pricing;
import dev.atrium.marketplace.domain.ProfessionalCriteria;
import dev.atrium.marketplace.domain.Profile;
import dev.atrium.marketplace.infrastructure.MarketplaceSearch;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Searching open jobs (professionals) and professionals (clients): the request's words and filters, in the tenant's
 * own category and skill slugs, become criteria; the results come in pages with counts per facet; premium
 * professionals (featured in search) come first by relevance and are marked; jobs still in their early-access window
 * are left out for professionals without early access.
 */
@ApplicationScoped
@TenantTransactional
public class Searches {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceAccess access;

    @Inject
    MarketplaceSearch search;

    @Inject
    Taxonomy taxonomy;

    @Inject
    MarketplaceConfiguration configuration;

    @Inject
    Entitlements entitlements;

    @Inject
    Now clock;

    /** A search's words and filters as a request names them (slugs, not ids). */
    public record JobQuery(
            String query,
            String category,
            Collection<String> skills,
            Pricing pricing,
            String currency,
            Long amountMin,
            Long amountMax,
            ExperienceLevel experience) {}

    public record ProfessionalQuery(
            String query,
            String category,
            Collection<String> skills,
            String currency,
            Long rateMin,
            Long rateMax,
            String timeZone,
            String location,
            Double minRating,
            Availability availability) {}

    /** A page of results with the counts per facet value of the whole result. */
    public record Results<T>(List<T> items, int page, int size, long total, Map<String, Map<String, Long>> facets) {}

    public Results<Views.JobView> jobs(JobQuery query, MarketplaceSearch.JobOrder order, PageRequest page) {
        Membership caller = access.caller();
        return jobsFound(criteria(query), viewer(caller), order, page);
    }

    Results<Views.JobView> jobsFound(
            JobCriteria criteria,
            MarketplaceSearch.JobViewer viewer,
            MarketplaceSearch.JobOrder order,
            PageRequest page) {
        MarketplaceSearch.Hits hits = search.jobs(criteria, viewer, order, page);
        return new Results<>(jobViews(hits.ids()), page.page(), page.size(), hits.total(), hits.facets());
    }

    public Results<Views.ProfileView> professionals(
            ProfessionalQuery query, MarketplaceSearch.ProfessionalOrder order, PageRequest page) {
        access.caller();
        return professionalsFound(criteria(query, false), order, page);
    }

    Results<Views.ProfileView> professionalsFound(
            ProfessionalCriteria criteria, MarketplaceSearch.ProfessionalOrder order, PageRequest page) {
        Set<UUID> featured = entitlements.holders(Entitlements.FEATURED_IN_SEARCH);
        MarketplaceSearch.Hits hits = search.professionals(criteria, featured, order, page);
        Map<UUID, Profile> found = hits.ids().isEmpty()
                ? Map.of()
                : em.createQuery("select p from Profile p where p.memberId in :ids", Profile.class)
                        .setParameter("ids", hits.ids())
                        .setHint("eclipselink.batch.type", "IN")
                        .setHint("eclipselink.batch", "p.skills")
                        .getResultStream()
                        .collect(Collectors.toMap(Profile::memberId, Function.identity()));
        Taxonomy.Catalogue catalogue = taxonomy.catalogue();
        List<Views.ProfileView> items = hits.ids().stream()
                .map(found::get)
                .map(profile ->
                        Views.ProfileView.of(profile, catalogue, featured.contains(profile.memberId()), List.of()))
                .toList();
        return new Results<>(items, page.page(), page.size(), hits.total(), hits.facets());
    }

    /** What the caller may see of open jobs: not their own, invitation-only ones they were invited to, early access. */
    MarketplaceSearch.JobViewer viewer(Membership caller) {
        return new MarketplaceSearch.JobViewer(
                caller.memberId(), earlyAccessCutoff(caller.memberId(), caller.holds(TenantRole.PROFESSIONAL)));
    }

    /** Jobs published after this are not yet seen by the member (null: no window, or they have early access). */
    OffsetDateTime earlyAccessCutoff(UUID memberId, boolean professional) {
        MarketplaceSettings settings = configuration.settings();
        if (!professional
                || settings.earlyAccess().isZero()
                || entitlements.has(memberId, Entitlements.EARLY_ACCESS_JOBS)) {
            return null;
        }
        return clock.dateTime().minus(settings.earlyAccess());
    }

    JobCriteria criteria(JobQuery query) {
        return new JobCriteria(
                query.query(),
                query.category() == null ? null : taxonomy.category(query.category()),
                query.skills() == null
                        ? Set.of()
                        : taxonomy.skillsOf(query.skills()).ids(),
                query.pricing(),
                query.currency(),
                query.amountMin(),
                query.amountMax(),
                query.experience());
    }

    ProfessionalCriteria criteria(ProfessionalQuery query, boolean publicOnly) {
        return new ProfessionalCriteria(
                query.query(),
                query.category() == null ? null : taxonomy.category(query.category()),
                query.skills() == null
                        ? Set.of()
                        : taxonomy.skillsOf(query.skills()).ids(),
                query.currency(),
                query.rateMin(),
                query.rateMax(),
                query.timeZone(),
                query.location(),
                query.minRating(),
                query.availability(),
                publicOnly);
    }

    /** Jobs by id in the order given, their collections fetched in batches (not one query per job). */
    List<Views.JobView> jobViews(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Job> found = em.createQuery("select j from Job j where j.id in :ids", Job.class)
                .setParameter("ids", ids)
                .setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "j.skills")
                .setHint("eclipselink.batch", "j.questions")
                .setHint("eclipselink.batch", "j.attachments")
                .getResultStream()
                .collect(Collectors.toMap(Job::id, Function.identity()));
        Taxonomy.Catalogue catalogue = taxonomy.catalogue();
        return ids.stream()
                .map(found::get)
                .map(job -> Views.JobView.of(job, catalogue, null))
                .toList();
    }
}
