package dev.atrium.marketplace.application;

import dev.atrium.billing.Entitlements;
import dev.atrium.identity.Members;
import dev.atrium.marketplace.domain.Job;
import dev.atrium.marketplace.domain.JobStatus;
import dev.atrium.marketplace.domain.MarketplaceSettings;
import dev.atrium.platform.api.EntityTags;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.persistence.NativeQueries;
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
import java.util.UUID;

/** Clients' jobs: drafting, publishing, closing, cancelling, inviting professionals; reading them. */
@ApplicationScoped
@TenantTransactional
public class JobBoard {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceAccess access;

    @Inject
    Taxonomy taxonomy;

    @Inject
    MarketplaceConfiguration configuration;

    @Inject
    Entitlements entitlements;

    @Inject
    Members members;

    @Inject
    MarketplaceNotifications notifications;

    @Inject
    MarketplaceMedia files;

    @Inject
    dev.atrium.platform.jobs.Jobs jobs;

    @Inject
    Now clock;

    /** What a request says about a job, before its category and skills are resolved. */
    public record JobTerms(Job.Details details, String category, Collection<String> skills) {}

    public Views.JobView create(JobTerms terms, boolean publish) {
        Membership client = access.client();
        OffsetDateTime now = clock.dateTime();
        Job job = Job.draft(client.memberId(), resolved(terms), now);
        if (publish) {
            job.publish(now);
        }
        em.persist(job);
        files.attach("job", job.id(), job.attachments());
        MarketplaceEmbeddings.schedule(jobs, "job", job.id());
        if (publish) {
            SearchAlerts.jobPublished(jobs, job, configuration.settings().earlyAccess());
        }
        return view(job, null);
    }

    public Views.JobView revise(UUID jobId, EntityTags.IfMatch ifMatch, JobTerms changes) {
        Job job = access.jobOfClient(jobId);
        ifMatch.check(job.version());
        java.util.Set<UUID> before = job.attachments();
        job.revise(resolved(changes), clock.dateTime());
        files.attach("job", job.id(), before, job.attachments());
        MarketplaceEmbeddings.schedule(jobs, "job", job.id());
        em.flush();
        return view(job, null);
    }

    private Job.Details resolved(JobTerms terms) {
        Job.Details details = terms.details();
        UUID category = terms.category() == null ? null : taxonomy.category(terms.category());
        Taxonomy.SkillSet skills = terms.skills() == null ? null : taxonomy.skillsOf(terms.skills());
        return new Job.Details(
                details.title(),
                details.description(),
                category,
                details.pricing(),
                details.currency(),
                details.budgetMin(),
                details.budgetMax(),
                details.duration(),
                details.experience(),
                details.visibility(),
                details.deadline(),
                skills == null ? null : skills.ids(),
                skills == null ? null : skills.names(),
                details.questions(),
                details.attachments());
    }

    public Views.JobView publish(UUID jobId) {
        Job job = access.jobOfClient(jobId);
        job.publish(clock.dateTime());
        em.flush();
        SearchAlerts.jobPublished(jobs, job, configuration.settings().earlyAccess());
        return view(job, null);
    }

    public Views.JobView close(UUID jobId) {
        Job job = access.jobOfClient(jobId);
        job.close(clock.dateTime());
        em.flush();
        return view(job, null);
    }

    /** Cancels the job; its open proposals are declined (their professionals are told). */
    public Views.JobView cancel(UUID jobId) {
        Job job = access.jobOfClient(jobId);
        OffsetDateTime now = clock.dateTime();
        job.cancel(now);
        em.createQuery(
                        "select p from Proposal p where p.jobId = :job and p.status in :open",
                        dev.atrium.marketplace.domain.Proposal.class)
                .setParameter("job", jobId)
                .setParameter(
                        "open",
                        List.of(
                                dev.atrium.marketplace.domain.ProposalStatus.SUBMITTED,
                                dev.atrium.marketplace.domain.ProposalStatus.SHORTLISTED))
                .getResultStream()
                .forEach(proposal -> {
                    proposal.decline("The job was cancelled.", now);
                    notifications.declined(proposal, job);
                });
        em.flush();
        return view(job, null);
    }

    public Views.JobView get(UUID jobId) {
        Job job = access.jobToRead(jobId);
        return view(job, myProposal(jobId));
    }

    /** The caller's own jobs (a client's), any status, newest first. */
    public Page<Views.JobView> mine(JobStatus status, PageRequest page) {
        Membership caller = access.caller();
        Taxonomy.Catalogue catalogue = taxonomy.catalogue();
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("client", caller.memberId());
        String where = " where j.clientId = :client";
        if (status != null) {
            where += " and j.status = :status";
            parameters.put("status", status);
        }
        return JpaPages.page(em, Job.class, "Job j", where, "j.createdAt desc, j.id", parameters, page)
                .map(job -> Views.JobView.of(job, catalogue, null));
    }

    /** Invites a professional to propose on the job (its client); they are told, and see it even if invitation-only. */
    public void invite(UUID jobId, UUID professionalId, String message) {
        Job job = access.jobOfClient(jobId);
        if (!job.takesProposals(clock.date())) {
            throw new ConflictException("job-not-open", "Job not open", "Professionals are invited to open jobs.");
        }
        boolean professional = members.contact(professionalId)
                .map(contact -> contact.roles().contains(TenantRole.PROFESSIONAL))
                .orElse(false);
        if (!professional) {
            throw new InvalidRequestException("There is no professional " + professionalId + " in this tenant.");
        }
        if (professionalId.equals(job.clientId())) {
            throw new InvalidRequestException("A client does not invite themselves.");
        }
        int added = NativeQueries.execute(
                em,
                "insert into marketplace_invitation (job_id, professional_id, message, invited_at) values (?1, ?2, ?3, ?4)"
                        + " on conflict do nothing",
                jobId,
                professionalId,
                message,
                clock.dateTime());
        if (added > 0) {
            notifications.invited(job, professionalId, access.caller().memberId());
        }
    }

    /** Whether the caller may see and propose on a job now: premium professionals see new jobs first. */
    boolean earlyAccessOver(Job job, Membership caller, MarketplaceSettings settings, OffsetDateTime now) {
        if (job.publishedAt() == null
                || !job.publishedAt().plus(settings.earlyAccess()).isAfter(now)
                || !caller.holds(TenantRole.PROFESSIONAL)
                || job.clientId().equals(caller.memberId())) {
            return true;
        }
        return entitlements.has(caller.memberId(), Entitlements.EARLY_ACCESS_JOBS)
                || access.invited(job.id(), caller.memberId());
    }

    private UUID myProposal(UUID jobId) {
        Membership caller = access.caller();
        return em.createQuery("select p.id from Proposal p where p.jobId = :job and p.professionalId = :me", UUID.class)
                .setParameter("job", jobId)
                .setParameter("me", caller.memberId())
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private Views.JobView view(Job job, UUID myProposal) {
        return Views.JobView.of(job, taxonomy.catalogue(), myProposal);
    }
}
