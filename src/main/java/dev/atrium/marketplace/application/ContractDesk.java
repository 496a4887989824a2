package dev.atrium.marketplace.application;

import dev.atrium.billing.Escrow;
import dev.atrium.billing.Money;
import dev.atrium.marketplace.ContractEnded;
import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.ContractStatus;
import dev.atrium.marketplace.domain.Milestone;
import dev.atrium.marketplace.domain.MilestoneStatus;
import dev.atrium.marketplace.domain.Submission;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.jobs.Jobs;
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
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Contracts and their milestones: the client plans and funds milestones (paying into escrow through billing), the
 * professional submits work, the client approves it (its money is released) or asks for changes; either party
 * disputes a funded milestone; the professional can give a client's money back; the client pauses and resumes; either
 * ends the contract once no money is held in it. Money moves only through billing's {@link Escrow}, and each
 * milestone's state follows what billing reports the provider confirmed ({@link MilestonePayments}).
 */
@ApplicationScoped
public class ContractDesk {

    /** Escrow refs of milestones: {@code milestone-<id>}. */
    static final String MODULE = "marketplace";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceAccess access;

    @Inject
    MarketplaceConfiguration configuration;

    @Inject
    MarketplaceNotifications notifications;

    @Inject
    Escrow escrow;

    @Inject
    Jobs jobs;

    @Inject
    Event<ContractEnded> ended;

    @Inject
    MarketplaceMedia files;

    @Inject
    Now clock;

    @Inject
    ContractDesk self;

    @Inject
    TimesheetDesk timesheets;

    @TenantTransactional
    public Views.ContractView get(UUID contractId) {
        return view(access.contract(contractId, false));
    }

    /**
     * The caller's contracts, as client or professional, newest first; for an admin with {@code needingAdmin}, those
     * whose party left the tenant.
     */
    @TenantTransactional
    public Page<Views.ContractView> list(ContractStatus status, boolean needingAdmin, PageRequest page) {
        Membership caller = access.caller();
        String where;
        Map<String, Object> parameters = new java.util.HashMap<>();
        if (needingAdmin && MarketplaceAccess.isAdmin(caller)) {
            where = " where c.needsAdmin = true";
        } else {
            where = " where (c.clientId = :me or c.professionalId = :me)";
            parameters.put("me", caller.memberId());
        }
        if (status != null) {
            where += " and c.status = :status";
            parameters.put("status", status);
        }
        Page<Contract> contracts =
                JpaPages.page(em, Contract.class, "Contract c", where, "c.startedAt desc, c.id", parameters, page);
        Map<UUID, List<Milestone>> milestones =
                milestonesOf(contracts.items().stream().map(Contract::id).toList());
        return contracts.map(contract -> Views.ContractView.of(
                contract,
                milestones.getOrDefault(contract.id(), List.of()),
                contract.partyOf(caller.memberId()).orElse(null)));
    }

    @TenantTransactional
    public Views.MilestoneView addMilestone(UUID contractId, String title, long amount, LocalDate dueDate) {
        MarketplaceAccess.ContractGrant grant = asClient(contractId);
        Contract contract = grant.contract();
        int next = milestones(contractId).stream()
                        .mapToInt(Milestone::position)
                        .max()
                        .orElse(0)
                + 1;
        Milestone milestone =
                Milestone.plan(contract, next, title, Money.of(amount, contract.currency()), dueDate, clock.dateTime());
        em.persist(milestone);
        return Views.MilestoneView.of(milestone);
    }

    @TenantTransactional
    public Views.MilestoneView reviseMilestone(
            UUID contractId,
            UUID milestoneId,
            dev.atrium.platform.api.EntityTags.IfMatch ifMatch,
            String title,
            Long amount,
            LocalDate dueDate) {
        MarketplaceAccess.ContractGrant grant = asClient(contractId);
        Milestone milestone = access.milestone(grant.contract(), milestoneId);
        ifMatch.check(milestone.version());
        milestone.revise(title, amount, dueDate);
        em.flush();
        return Views.MilestoneView.of(milestone);
    }

    @TenantTransactional
    public Views.MilestoneView cancelMilestone(UUID contractId, UUID milestoneId) {
        MarketplaceAccess.ContractGrant grant = asClient(contractId);
        Milestone milestone = access.milestone(grant.contract(), milestoneId);
        milestone.cancel();
        em.flush();
        return Views.MilestoneView.of(milestone);
    }

    /**
     * The client pays a milestone into escrow: billing opens the payment provider's Checkout (the same one again while
     * it takes payment); the milestone is funded when the provider confirms the payment, never on the browser's word.
     */
    public Views.FundingView fund(UUID contractId, UUID milestoneId, String returnUrl) {
        Escrow.Hold hold = self.fundable(contractId, milestoneId);
        Escrow.FundingPage page = escrow.fund(hold, returnUrl);
        self.fundingOpened(contractId, milestoneId, page.holdId());
        return new Views.FundingView(milestoneId, page.holdId(), page.checkoutId(), page.url());
    }

    @TenantTransactional
    public Escrow.Hold fundable(UUID contractId, UUID milestoneId) {
        MarketplaceAccess.ContractGrant grant = access.contract(contractId, false);
        if (grant.part() != Contract.Party.CLIENT) {
            throw MarketplaceAccess.notYourPart("Only the contract's client funds its milestones.");
        }
        Contract contract = grant.contract();
        contract.requireActive("milestones are funded in active contracts");
        Milestone milestone = access.milestone(contract, milestoneId);
        if (milestone.status() != MilestoneStatus.PENDING) {
            throw new ConflictException(
                    "milestone-funded", "Milestone funded", "This milestone has been funded already.");
        }
        return new Escrow.Hold(
                MODULE,
                ref(milestone.id()),
                contract.professionalId(),
                milestone.amount(),
                contract.title() + ": " + milestone.title());
    }

    @TenantTransactional
    public void fundingOpened(UUID contractId, UUID milestoneId, UUID holdId) {
        Milestone milestone =
                access.milestone(access.contract(contractId, false).contract(), milestoneId);
        if (milestone.status() == MilestoneStatus.PENDING) {
            milestone.fundingOpened(holdId);
        }
    }

    /** The professional hands in work; it is released automatically if the client does not answer in time. */
    @TenantTransactional
    public Views.SubmissionView submit(UUID contractId, UUID milestoneId, String message, Set<UUID> attachments) {
        MarketplaceAccess.ContractGrant grant = access.contract(contractId, true);
        if (!grant.actsAsProfessional()) {
            throw MarketplaceAccess.notYourPart("Only the contract's professional submits work.");
        }
        Milestone milestone = access.milestone(grant.contract(), milestoneId);
        OffsetDateTime now = clock.dateTime();
        milestone.submit(configuration.settings().autoReleaseWindow(), now);
        Submission submission = Submission.of(milestone, message, attachments == null ? Set.of() : attachments);
        em.persist(submission);
        files.attach("submission", submission.id(), submission.attachments());
        AutoRelease.schedule(jobs, milestone);
        notifications.workSubmitted(grant.contract(), milestone);
        return Views.SubmissionView.of(submission);
    }

    /** The client approves the submitted work: its money is released to the professional. */
    @TenantTransactional
    public Views.MilestoneView approve(UUID contractId, UUID milestoneId) {
        MarketplaceAccess.ContractGrant grant = asClient(contractId);
        Milestone milestone = access.milestone(grant.contract(), milestoneId);
        release(grant.contract(), milestone, Submission.Answer.APPROVED, null);
        return Views.MilestoneView.of(milestone);
    }

    /** Releases a submitted milestone (the client's approval, or its window passed): the one path to a release. */
    void release(Contract contract, Milestone milestone, Submission.Answer answer, String note) {
        OffsetDateTime now = clock.dateTime();
        milestone.approve(now);
        latestSubmission(milestone.id()).answered(answer, note, now);
        escrow.release(
                milestone.escrowId(),
                answer == Submission.Answer.AUTO_APPROVED
                        ? "Released automatically: the client did not answer the submission in time."
                        : "Approved by the client.");
        em.flush();
        notifications.approved(contract, milestone, answer == Submission.Answer.AUTO_APPROVED);
    }

    @TenantTransactional
    public Views.MilestoneView requestChanges(UUID contractId, UUID milestoneId, String note) {
        MarketplaceAccess.ContractGrant grant = asClient(contractId);
        Milestone milestone = access.milestone(grant.contract(), milestoneId);
        grant.contract().requireRevisionLeft(changesRequested(milestoneId));
        milestone.changesRequested();
        latestSubmission(milestoneId).answered(Submission.Answer.CHANGES_REQUESTED, note, clock.dateTime());
        em.flush();
        notifications.changesRequested(grant.contract(), milestone);
        return Views.MilestoneView.of(milestone);
    }

    /** The professional gives the client's money for a milestone back. */
    @TenantTransactional
    public Views.MilestoneView refund(UUID contractId, UUID milestoneId) {
        MarketplaceAccess.ContractGrant grant = access.contract(contractId, true);
        if (!grant.actsAsProfessional()) {
            throw MarketplaceAccess.notYourPart("Only the contract's professional gives a client's money back.");
        }
        Milestone milestone = access.milestone(grant.contract(), milestoneId);
        milestone.refundedByProfessional();
        escrow.refund(milestone.escrowId(), "Given back by the professional.");
        em.flush();
        return Views.MilestoneView.of(milestone);
    }

    @TenantTransactional
    public List<Views.SubmissionView> submissions(UUID contractId, UUID milestoneId) {
        Milestone milestone =
                access.milestone(access.contract(contractId, false).contract(), milestoneId);
        return em.createQuery(
                        "select s from Submission s where s.milestoneId = :m order by s.submittedAt desc",
                        Submission.class)
                .setParameter("m", milestone.id())
                .getResultStream()
                .map(Views.SubmissionView::of)
                .toList();
    }

    @TenantTransactional
    public Views.ContractView pause(UUID contractId) {
        MarketplaceAccess.ContractGrant grant = asClient(contractId);
        grant.contract().pause();
        em.flush();
        return view(grant);
    }

    @TenantTransactional
    public Views.ContractView resume(UUID contractId) {
        MarketplaceAccess.ContractGrant grant = asClient(contractId);
        grant.contract().resume();
        em.flush();
        return view(grant);
    }

    /**
     * Ends the contract (either party, or an admin for one that lost a party): refused while money is held or moving
     * in it; milestones never funded are cancelled.
     */
    @TenantTransactional
    public Views.ContractView end(UUID contractId, String reason) {
        MarketplaceAccess.ContractGrant grant = access.contract(contractId, true);
        if (grant.part() == null && !grant.actsAsClient()) {
            throw MarketplaceAccess.notYourPart("Only the contract's parties end it.");
        }
        List<Milestone> milestones = milestones(contractId);
        if (milestones.stream()
                .anyMatch(m -> m.status().holdsMoney() || m.status().isSettling())) {
            throw new ConflictException(
                    "money-in-escrow",
                    "Money in escrow",
                    "Money is held for a milestone of this contract: approve, refund or dispute it before ending.");
        }
        Contract contract = grant.contract();
        timesheets.requireHoursSettled(contract);
        contract.end(reason, clock.dateTime());
        milestones.stream().filter(m -> m.status() == MilestoneStatus.PENDING).forEach(Milestone::cancel);
        em.flush();
        boolean completed = milestones.stream().anyMatch(m -> m.status() == MilestoneStatus.RELEASED);
        ended.fire(new ContractEnded(
                contract.id(),
                contract.clientId(),
                contract.professionalId(),
                contract.jobId(),
                contract.title(),
                completed));
        notifications.contractEnded(contract, access.caller().memberId());
        return view(grant);
    }

    private MarketplaceAccess.ContractGrant asClient(UUID contractId) {
        MarketplaceAccess.ContractGrant grant = access.contract(contractId, true);
        if (!grant.actsAsClient()) {
            throw MarketplaceAccess.notYourPart("Only the contract's client does this.");
        }
        return grant;
    }

    /** How many times the client sent the milestone's work back (a service's order limits it). */
    private long changesRequested(UUID milestoneId) {
        return em.createQuery(
                        "select count(s) from Submission s where s.milestoneId = :m and s.answer = :changes",
                        Long.class)
                .setParameter("m", milestoneId)
                .setParameter("changes", Submission.Answer.CHANGES_REQUESTED)
                .getSingleResult();
    }

    Submission latestSubmission(UUID milestoneId) {
        return em.createQuery(
                        "select s from Submission s where s.milestoneId = :m order by s.submittedAt desc",
                        Submission.class)
                .setParameter("m", milestoneId)
                .setMaxResults(1)
                .getSingleResult();
    }

    List<Milestone> milestones(UUID contractId) {
        return em.createQuery(
                        "select m from ContractMilestone m where m.contractId = :c order by m.position",
                        Milestone.class)
                .setParameter("c", contractId)
                .getResultList();
    }

    private Map<UUID, List<Milestone>> milestonesOf(List<UUID> contractIds) {
        if (contractIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery(
                        "select m from ContractMilestone m where m.contractId in :c order by m.position",
                        Milestone.class)
                .setParameter("c", contractIds)
                .getResultStream()
                .collect(java.util.stream.Collectors.groupingBy(Milestone::contractId));
    }

    private Views.ContractView view(MarketplaceAccess.ContractGrant grant) {
        return Views.ContractView.of(
                grant.contract(), milestones(grant.contract().id()), grant.part());
    }

    static String ref(UUID milestoneId) {
        return "milestone-" + milestoneId;
    }
}
