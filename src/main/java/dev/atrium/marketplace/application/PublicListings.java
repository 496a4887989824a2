package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Job;
import dev.atrium.marketplace.domain.JobStatus;
import dev.atrium.marketplace.domain.JobVisibility;
import dev.atrium.marketplace.domain.MarketplaceSettings;
import dev.atrium.marketplace.domain.Profile;
import dev.atrium.marketplace.domain.ProfileVisibility;
import dev.atrium.marketplace.infrastructure.MarketplaceSearch;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What the tenant's public (white-label) site shows visitors who are not signed in: the profiles professionals made
 * public and the open jobs clients made public (after any early-access window), searchable like members search them.
 * Nothing else of the marketplace is reachable without a token.
 */
@ApplicationScoped
@TenantTransactional
public class PublicListings {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Searches searches;

    @Inject
    ProfileDesk profiles;

    @Inject
    MarketplaceConfiguration configuration;

    @Inject
    Now clock;

    public Searches.Results<Views.ProfileView> professionals(
            Searches.ProfessionalQuery query, MarketplaceSearch.ProfessionalOrder order, PageRequest page) {
        return searches.professionalsFound(searches.criteria(query, true), order, page);
    }

    public Views.ProfileView professional(UUID memberId) {
        Profile profile = em.find(Profile.class, memberId);
        if (profile == null || !profile.active() || profile.visibility() != ProfileVisibility.PUBLIC) {
            throw new ResourceNotFoundException("There is no public profile " + memberId + ".");
        }
        return profiles.view(profile);
    }

    public Searches.Results<Views.JobView> jobs(
            Searches.JobQuery query, MarketplaceSearch.JobOrder order, PageRequest page) {
        return searches.jobsFound(
                searches.criteria(query), new MarketplaceSearch.JobViewer(null, earlyAccessCutoff()), order, page);
    }

    public Views.JobView job(UUID jobId) {
        Job job = em.find(Job.class, jobId);
        OffsetDateTime cutoff = earlyAccessCutoff();
        if (job == null
                || job.status() != JobStatus.OPEN
                || job.visibility() != JobVisibility.PUBLIC
                || (cutoff != null && job.publishedAt().isAfter(cutoff))) {
            throw new ResourceNotFoundException("There is no public job " + jobId + ".");
        }
        return searches.jobViews(java.util.List.of(jobId)).get(0);
    }

    /** Visitors see a job once everyone may: after the tenant's early-access window. */
    private OffsetDateTime earlyAccessCutoff() {
        MarketplaceSettings settings = configuration.settings();
        return settings.earlyAccess().isZero() ? null : clock.dateTime().minus(settings.earlyAccess());
    }
}
