package dev.atrium.marketplace.application;

import dev.atrium.billing.Entitlements;
import dev.atrium.billing.Money;
import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.Job;
import dev.atrium.marketplace.domain.Milestone;
import dev.atrium.marketplace.domain.Pricing;
import dev.atrium.marketplace.domain.Proposal;
import dev.atrium.marketplace.domain.ProposalStatus;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.errors.TooManyRequestsException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Proposals: a professional submits (within their monthly allowance), revises or withdraws one; the job's client
 * shortlists, declines, archives, and hires, which makes a contract with its first milestones.
 */
@ApplicationScoped
@TenantTransactional
public class ProposalDesk {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceAccess access;

    @Inject
    JobBoard jobs;

    @Inject
    MarketplaceConfiguration configuration;

    @Inject
    Entitlements entitlements;

    @Inject
    MarketplaceNotifications notifications;

    @Inject
    Event<dev.atrium.marketplace.ContractStarted> started;

    @Inject
    MarketplaceMedia files;

    @Inject
    Now clock;

    public Views.ProposalView submit(UUID jobId, Proposal.Terms terms) {
        Membership professional = access.professional();
        Job job = access.jobToRead(jobId);
        OffsetDateTime now = clock.dateTime();
        if (!jobs.earlyAccessOver(job, professional, configuration.settings(), now)) {
            throw new ConflictException(
                    "early-access",
                    "Early access",
                    "This job is new: premium members propose first; it opens to everyone at "
                            + job.publishedAt().plus(configuration.settings().earlyAccess()) + ".");
        }
        Views.AllowanceView allowance = allowance(professional.memberId(), now, true);
        // Under the professional's lock (taken by the allowance), so a second submission at once sees the first.
        if (!em.createQuery("select p.id from Proposal p where p.jobId = :job and p.professionalId = :me", UUID.class)
                .setParameter("job", jobId)
                .setParameter("me", professional.memberId())
                .getResultList()
                .isEmpty()) {
            throw alreadyProposed();
        }
        if (allowance.used() >= allowance.allowance()) {
            throw new TooManyRequestsException(
                    "proposal-allowance",
                    "Proposal allowance used",
                    "You have sent your " + allowance.allowance() + " proposals for " + allowance.month()
                            + (allowance.premium() ? "." : "; a premium membership allows more."),
                    java.time.Duration.between(
                                    now,
                                    YearMonth.from(now)
                                            .plusMonths(1)
                                            .atDay(1)
                                            .atStartOfDay()
                                            .atOffset(ZoneOffset.UTC))
                            .toSeconds());
        }
        Proposal proposal = Proposal.submit(job, professional.memberId(), terms, now);
        em.persist(proposal);
        files.attach("proposal", proposal.id(), proposal.attachments());
        counted(em, jobId);
        em.flush();
        notifications.proposalReceived(proposal, job);
        return Views.ProposalView.of(proposal);
    }

    /**
     * The professional's allowance this month: proposals sent (withdrawn ones too: a proposal used it when it was
     * sent), and how many they may send. Counted under a lock of their profile row so two submissions at once cannot
     * both take the last one.
     */
    Views.AllowanceView allowance(UUID professionalId, OffsetDateTime now, boolean lock) {
        YearMonth month = YearMonth.from(now.withOffsetSameInstant(ZoneOffset.UTC));
        OffsetDateTime from = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        if (lock) {
            dev.atrium.platform.persistence.NativeQueries.rows(
                    em, "select pg_advisory_xact_lock(hashtext(?1))", "marketplace-allowance-" + professionalId);
        }
        long used = em.createQuery(
                        "select count(p) from Proposal p where p.professionalId = :me and p.submittedAt >= :from",
                        Long.class)
                .setParameter("me", professionalId)
                .setParameter("from", from)
                .getSingleResult();
        boolean premium = entitlements.has(professionalId, Entitlements.MORE_PROPOSALS);
        return new Views.AllowanceView(
                month.toString(), (int) used, configuration.settings().proposalAllowance(premium), premium);
    }

    public Views.AllowanceView myAllowance() {
        return allowance(access.professional().memberId(), clock.dateTime(), false);
    }

    public Views.ProposalView revise(UUID proposalId, Proposal.Terms changes) {
        MarketplaceAccess.ProposalGrant grant = access.proposal(proposalId, true);
        requireProfessional(grant, "Only its professional revises a proposal.");
        java.util.Set<UUID> before = grant.proposal().attachments();
        grant.proposal().revise(grant.job(), changes, clock.dateTime());
        files.attach("proposal", proposalId, before, grant.proposal().attachments());
        em.flush();
        return Views.ProposalView.of(grant.proposal());
    }

    public Views.ProposalView withdraw(UUID proposalId) {
        MarketplaceAccess.ProposalGrant grant = access.proposal(proposalId, true);
        requireProfessional(grant, "Only its professional withdraws a proposal.");
        grant.proposal().withdraw(clock.dateTime());
        em.flush();
        return Views.ProposalView.of(grant.proposal());
    }

    public Views.ProposalView get(UUID proposalId) {
        return Views.ProposalView.of(access.proposal(proposalId, false).proposal());
    }

    public Views.ProposalView shortlist(UUID proposalId) {
        MarketplaceAccess.ProposalGrant grant = asClient(proposalId);
        grant.proposal().shortlist(clock.dateTime());
        em.flush();
        return Views.ProposalView.of(grant.proposal());
    }

    public Views.ProposalView decline(UUID proposalId, String reason) {
        MarketplaceAccess.ProposalGrant grant = asClient(proposalId);
        grant.proposal().decline(reason, clock.dateTime());
        em.flush();
        notifications.declined(grant.proposal(), grant.job());
        return Views.ProposalView.of(grant.proposal());
    }

    public Views.ProposalView archive(UUID proposalId, boolean archived) {
        MarketplaceAccess.ProposalGrant grant = asClient(proposalId);
        grant.proposal().archive(archived);
        em.flush();
        return Views.ProposalView.of(grant.proposal());
    }

    /** A milestone the client plans when hiring. */
    public record PlannedMilestone(String title, long amount, LocalDate dueDate) {}

    /**
     * The job's client hires the proposal: a contract between them, with the milestones the client plans (by default
     * one, for the bid); on an hourly job, a contract paid by the hour at the bid, up to {@code weeklyLimitHours} a
     * week, whose milestones come from the weeks the client approves. Only the job's client hires (an admin does not
     * hire for them); the job is then filled.
     */
    public Views.ContractView hire(UUID proposalId, List<PlannedMilestone> milestones, Integer weeklyLimitHours) {
        MarketplaceAccess.ProposalGrant grant = access.proposal(proposalId, true);
        Membership caller = access.caller();
        if (!grant.job().clientId().equals(caller.memberId())) {
            throw new ForbiddenException("not-job-client", "Not the job's client", "Only the job's client hires.");
        }
        Job job = grant.job();
        boolean hourly = job.pricing() == Pricing.HOURLY;
        if (hourly && weeklyLimitHours == null) {
            throw new InvalidRequestException("An hourly contract needs a weekly limit: weeklyLimitHours, 1 to "
                    + Contract.MAX_WEEKLY_HOURS + ".");
        }
        if (hourly && milestones != null && !milestones.isEmpty()) {
            throw new InvalidRequestException(
                    "An hourly contract is paid for the weeks the client approves; it takes no milestones.");
        }
        if (!hourly && weeklyLimitHours != null) {
            throw new InvalidRequestException("A weekly limit is for hourly contracts; this job has a fixed price.");
        }
        if (!job.hires()) {
            throw new ConflictException("job-status", "Job status", "Proposals on this job are not hired.");
        }
        OffsetDateTime now = clock.dateTime();
        Proposal proposal = grant.proposal();
        proposal.hired(now);
        em.lock(job, LockModeType.PESSIMISTIC_WRITE);
        if (job.status() != dev.atrium.marketplace.domain.JobStatus.FILLED) {
            job.filled(now);
        }
        Contract contract = hourly
                ? Contract.hireByTheHour(job, proposal, weeklyLimitHours, now)
                : Contract.hire(job, proposal, now);
        em.persist(contract);
        em.flush(); // the milestones refer to it; EclipseLink does not order inserts of unrelated entities
        List<PlannedMilestone> plan = hourly
                ? List.of()
                : milestones == null || milestones.isEmpty()
                        ? List.of(
                                new PlannedMilestone(job.title(), proposal.bid().minor(), null))
                        : milestones;
        int position = 1;
        for (PlannedMilestone planned : plan) {
            em.persist(Milestone.plan(
                    contract,
                    position++,
                    planned.title(),
                    Money.of(planned.amount(), contract.currency()),
                    planned.dueDate(),
                    now));
        }
        em.flush();
        notifications.hired(contract, proposal);
        started.fire(new dev.atrium.marketplace.ContractStarted(
                contract.id(), contract.clientId(), contract.professionalId(), job.id()));
        return Views.ContractView.of(
                contract,
                em.createQuery(
                                "select m from ContractMilestone m where m.contractId = :c order by m.position",
                                Milestone.class)
                        .setParameter("c", contract.id())
                        .getResultList(),
                Contract.Party.CLIENT);
    }

    /** A job's proposals for its client: open and decided ones, archived ones only when asked, newest first. */
    public Page<Views.ProposalView> forJob(UUID jobId, ProposalStatus status, boolean archived, PageRequest page) {
        access.jobOfClient(jobId);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("job", jobId);
        parameters.put("archived", archived);
        String where = " where p.jobId = :job and p.archived = :archived";
        if (status != null) {
            where += " and p.status = :status";
            parameters.put("status", status);
        }
        return JpaPages.page(em, Proposal.class, "Proposal p", where, "p.submittedAt desc, p.id", parameters, page)
                .map(Views.ProposalView::of);
    }

    /** The calling professional's proposals, newest first. */
    public Page<Views.ProposalView> mine(ProposalStatus status, PageRequest page) {
        Membership caller = access.caller();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("me", caller.memberId());
        String where = " where p.professionalId = :me";
        if (status != null) {
            where += " and p.status = :status";
            parameters.put("status", status);
        }
        return JpaPages.page(em, Proposal.class, "Proposal p", where, "p.submittedAt desc, p.id", parameters, page)
                .map(Views.ProposalView::of);
    }

    private MarketplaceAccess.ProposalGrant asClient(UUID proposalId) {
        MarketplaceAccess.ProposalGrant grant = access.proposal(proposalId, true);
        if (!grant.asClient()) {
            throw new ForbiddenException(
                    "not-job-client", "Not the job's client", "Only the job's client decides on its proposals.");
        }
        return grant;
    }

    private static void requireProfessional(MarketplaceAccess.ProposalGrant grant, String what) {
        if (!grant.asProfessional()) {
            throw MarketplaceAccess.notYourPart(what);
        }
    }

    /** Counts a proposal on its job, in place: it does not change the job its client edits (nor its ETag). */
    static void counted(EntityManager em, UUID jobId) {
        dev.atrium.platform.persistence.NativeQueries.execute(
                em, "update marketplace_job set proposal_count = proposal_count + 1 where id = ?1", jobId);
    }

    static ConflictException alreadyProposed() {
        return new ConflictException(
                "already-proposed", "Already proposed", "You have a proposal on this job; revise it instead.");
    }
}
