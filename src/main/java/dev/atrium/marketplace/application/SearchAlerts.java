package dev.atrium.marketplace.application;

import dev.atrium.identity.Members;
import dev.atrium.marketplace.domain.Job;
import dev.atrium.marketplace.domain.Profile;
import dev.atrium.marketplace.domain.SavedSearch;
import dev.atrium.marketplace.infrastructure.MarketplaceSearch;
import dev.atrium.platform.jobs.JobHandler;
import dev.atrium.platform.jobs.JobRun;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;

/**
 * Tells members when a new job (or professional) matches one of their saved searches with alerts on: a job, run when a
 * job is published (and again when its early-access window ends, for those who could not see it before), which runs
 * each saved search's own criteria against the new job through the search itself, so an alert names exactly what the
 * search would show. Each saved search is alerted about each job or professional at most once.
 */
@ApplicationScoped
public class SearchAlerts implements JobHandler<SearchAlerts.Request> {

    static final String KIND = "marketplace.search-alerts";

    /** The job's data. @param subject {@code job} or {@code professional} */
    public record Request(String subject, UUID id) {}

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceSearch search;

    @Inject
    Searches searches;

    @Inject
    Members members;

    @Inject
    MarketplaceNotifications notifications;

    @Inject
    Now clock;

    @Inject
    SearchAlerts self;

    static void jobPublished(Jobs jobs, Job job, java.time.Duration earlyAccess) {
        Instant published = job.publishedAt().toInstant();
        jobs.schedule(
                KIND, "job-" + job.id() + "-" + published.toEpochMilli(), new Request("job", job.id()), published);
        if (!earlyAccess.isZero()) {
            Instant open = published.plus(earlyAccess);
            jobs.schedule(KIND, "job-" + job.id() + "-" + open.toEpochMilli(), new Request("job", job.id()), open);
        }
    }

    static void professionalJoined(Jobs jobs, UUID memberId) {
        jobs.schedule(KIND, "professional-" + memberId, new Request("professional", memberId), Instant.now());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Request> data() {
        return Request.class;
    }

    @Override
    public void run(Request request, JobRun run) {
        self.alert(request);
    }

    @TenantTransactional
    public void alert(Request request) {
        boolean job = "job".equals(request.subject());
        Job found = job ? em.find(Job.class, request.id()) : null;
        Profile profile = job ? null : em.find(Profile.class, request.id());
        if ((job && found == null) || (!job && (profile == null || !profile.active()))) {
            return;
        }
        em.createQuery("select s from SavedSearch s where s.kind = :kind and s.alerts = true", SavedSearch.class)
                .setParameter("kind", job ? SavedSearch.Kind.JOBS : SavedSearch.Kind.PROFESSIONALS)
                .getResultStream()
                .filter(saved -> !saved.memberId().equals(request.id()))
                .filter(saved -> job
                        ? findsJob(saved, found)
                        : search.professionalMatches(request.id(), saved.professionalCriteria()))
                .filter(saved -> firstAlert(saved, request.id()))
                .forEach(saved -> {
                    if (job) {
                        notifications.searchAlert(saved, found);
                    } else {
                        notifications.searchAlert(saved, profile);
                    }
                });
    }

    /** Whether the saved search's member would find the job now (their roles and early access counted). */
    private boolean findsJob(SavedSearch saved, Job job) {
        boolean professional = members.contact(saved.memberId())
                .map(contact -> contact.roles().contains(TenantRole.PROFESSIONAL))
                .orElse(false);
        if (!professional) {
            return false;
        }
        MarketplaceSearch.JobViewer viewer =
                new MarketplaceSearch.JobViewer(saved.memberId(), searches.earlyAccessCutoff(saved.memberId(), true));
        return search.jobMatches(job.id(), saved.jobCriteria(), viewer);
    }

    private boolean firstAlert(SavedSearch saved, UUID subject) {
        return NativeQueries.execute(
                        em,
                        "insert into marketplace_saved_search_alert (search_id, subject_id, alerted_at)"
                                + " values (?1, ?2, ?3) on conflict do nothing",
                        saved.id(),
                        subject,
                        clock.dateTime())
                > 0;
    }
}
