package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Job;
import dev.atrium.marketplace.domain.Profile;
import dev.atrium.marketplace.domain.matching.JobTraits;
import dev.atrium.marketplace.domain.matching.Match;
import dev.atrium.marketplace.domain.matching.Matcher;
import dev.atrium.marketplace.domain.matching.ProfessionalTraits;
import dev.atrium.marketplace.infrastructure.MarketplaceSearch;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * "Jobs for me" for a professional and "professionals for this job" for its client: candidates that share a skill
 * or a category are read from the database (at most {@link #CANDIDATES}), and the matcher ranks them by skills, text
 * similarity, category, rate fit, track record and availability (docs/matching.md), each answer with the parts of its
 * score so a client can see why it ranks where it does.
 */
@ApplicationScoped
@TenantTransactional
public class Matches {

    /** How many candidates are scored: enough for the best to be among them, few enough to rank in milliseconds. */
    static final int CANDIDATES = 500;

    static final int MAX_RESULTS = 50;

    private static final Matcher MATCHER = new Matcher();

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceAccess access;

    @Inject
    MarketplaceSearch search;

    @Inject
    Searches searches;

    @Inject
    Taxonomy taxonomy;

    @Inject
    ProfileDesk profiles;

    /** A ranked result and why: each signal's part, from 0 to 1. */
    public record Ranked<T>(T item, double score, Map<String, Double> parts) {}

    public List<Ranked<Views.JobView>> jobsForMe(int limit) {
        Membership professional = access.professional();
        Profile profile = em.find(Profile.class, professional.memberId());
        if (profile == null || !profile.active()) {
            throw new ConflictException(
                    "no-profile",
                    "No profile",
                    "Jobs are matched to your profile: write it first (PUT /marketplace/profiles/me).");
        }
        ProfessionalTraits me = search.professionalTraits(profile.memberId()).orElseThrow();
        Taxonomy.Catalogue catalogue = taxonomy.catalogue();
        Set<UUID> categories = new HashSet<>();
        profile.skills().stream()
                .map(catalogue.skills()::get)
                .filter(java.util.Objects::nonNull)
                .map(dev.atrium.marketplace.domain.Skill::categoryId)
                .filter(java.util.Objects::nonNull)
                .forEach(categories::add);
        List<JobTraits> candidates =
                search.jobCandidates(searches.viewer(professional), categories, profile.skills(), CANDIDATES);
        List<Match<JobTraits>> ranked = MATCHER.rankJobsFor(me, candidates, bounded(limit));
        Map<UUID, Views.JobView> views =
                searches.jobViews(ranked.stream().map(m -> m.candidate().id()).toList()).stream()
                        .collect(Collectors.toMap(Views.JobView::id, Function.identity()));
        return ranked.stream()
                .map(m -> new Ranked<>(views.get(m.candidate().id()), m.score(), parts(m)))
                .toList();
    }

    public List<Ranked<Views.ProfileView>> professionalsFor(UUID jobId, int limit) {
        Job job = access.jobOfClient(jobId);
        JobTraits wanted = search.jobTraits(jobId).orElseThrow();
        List<ProfessionalTraits> candidates =
                search.professionalCandidates(job.clientId(), job.categoryId(), job.skills(), CANDIDATES);
        List<Match<ProfessionalTraits>> ranked = MATCHER.rankProfessionalsFor(wanted, candidates, bounded(limit));
        return ranked.stream()
                .map(m -> new Ranked<>(profiles.get(m.candidate().id()), m.score(), parts(m)))
                .toList();
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, MAX_RESULTS));
    }

    private static Map<String, Double> parts(Match<?> match) {
        Map<String, Double> parts = new LinkedHashMap<>();
        match.parts().forEach((signal, part) -> parts.put(signal.name().toLowerCase(java.util.Locale.ROOT), part));
        return parts;
    }
}
