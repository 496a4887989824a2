package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.ContractStatus;
import dev.atrium.marketplace.domain.Job;
import dev.atrium.marketplace.domain.JobStatus;
import dev.atrium.marketplace.domain.JobVisibility;
import dev.atrium.marketplace.domain.Milestone;
import dev.atrium.marketplace.domain.Profile;
import dev.atrium.marketplace.domain.Proposal;
import dev.atrium.marketplace.domain.Review;
import dev.atrium.marketplace.domain.ReviewWindow;
import dev.atrium.marketplace.domain.Service;
import dev.atrium.marketplace.domain.ServiceStatus;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/**
 * The one path from a use case to a job, a proposal, a contract or a service, which every use case takes: it gets the object
 * only if the caller may do what they mean to. Something the caller may not even see does not exist for them (404);
 * something they see but may not change is a 403. The tenant's admins see everything and act for either party where
 * a contract has lost one, and decide disputes.
 */
@ApplicationScoped
public class MarketplaceAccess {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    public Membership caller() {
        return currentTenant
                .caller()
                .orElseThrow(() ->
                        new ForbiddenException("not-a-member", "Not a member", "Only members use the marketplace."));
    }

    public static boolean isAdmin(Membership member) {
        return member.holds(TenantRole.ADMIN);
    }

    /** Clients (and admins, for their organisation) post jobs. */
    public Membership client() {
        Membership caller = caller();
        if (!caller.holds(TenantRole.CLIENT) && !isAdmin(caller)) {
            throw new ForbiddenException("role-not-held", "Role not held", "Jobs are posted by clients.");
        }
        return caller;
    }

    /** Professionals keep profiles and send proposals. */
    public Membership professional() {
        Membership caller = caller();
        if (!caller.holds(TenantRole.PROFESSIONAL)) {
            throw new ForbiddenException(
                    "role-not-held", "Role not held", "Only professionals have profiles and send proposals.");
        }
        return caller;
    }

    /**
     * A job the caller may see: its client and the admins see it in any state; others see it once published, and an
     * invitation-only job only if they were invited.
     */
    public Job jobToRead(UUID jobId) {
        Membership caller = caller();
        Job job = em.find(Job.class, jobId);
        if (job == null || !canSee(job, caller)) {
            throw jobNotFound(jobId);
        }
        return job;
    }

    /** A job its client (or an admin) changes, locked against a concurrent change. */
    public Job jobOfClient(UUID jobId) {
        Membership caller = caller();
        Job job = em.find(Job.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !canSee(job, caller)) {
            throw jobNotFound(jobId);
        }
        if (!job.clientId().equals(caller.memberId()) && !isAdmin(caller)) {
            throw new ForbiddenException("not-job-client", "Not the job's client", "Only the job's client does this.");
        }
        return job;
    }

    private boolean canSee(Job job, Membership caller) {
        if (job.clientId().equals(caller.memberId()) || isAdmin(caller)) {
            return true;
        }
        if (job.status() == JobStatus.DRAFT) {
            return false;
        }
        return job.visibility() != JobVisibility.INVITED
                || invited(job.id(), caller.memberId())
                || proposedOn(job.id(), caller.memberId());
    }

    public boolean invited(UUID jobId, UUID professionalId) {
        return !NativeQueries.rows(
                        em,
                        "select 1 from marketplace_invitation where job_id = ?1 and professional_id = ?2",
                        jobId,
                        professionalId)
                .isEmpty();
    }

    boolean proposedOn(UUID jobId, UUID professionalId) {
        return !NativeQueries.rows(
                        em,
                        "select 1 from marketplace_proposal where job_id = ?1 and professional_id = ?2",
                        jobId,
                        professionalId)
                .isEmpty();
    }

    /** A proposal and what the caller is to it. */
    public record ProposalGrant(Proposal proposal, Job job, boolean asProfessional, boolean asClient) {}

    /**
     * A proposal its professional, the job's client or an admin may see (others: 404), locked for a change when
     * {@code lock}.
     */
    public ProposalGrant proposal(UUID proposalId, boolean lock) {
        Membership caller = caller();
        Proposal proposal = lock
                ? em.find(Proposal.class, proposalId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(Proposal.class, proposalId);
        if (proposal == null) {
            throw proposalNotFound(proposalId);
        }
        Job job = em.find(Job.class, proposal.jobId());
        boolean professional = proposal.professionalId().equals(caller.memberId());
        boolean client = job.clientId().equals(caller.memberId()) || isAdmin(caller);
        if (!professional && !client) {
            throw proposalNotFound(proposalId);
        }
        return new ProposalGrant(proposal, job, professional, client);
    }

    /** A contract and the caller's part in it (null for an admin who is not a party). */
    public record ContractGrant(Contract contract, Contract.Party part, boolean admin) {

        /** The client's decisions: theirs, or an admin's once the client has left the tenant. */
        public boolean actsAsClient() {
            return part == Contract.Party.CLIENT || (admin && contract.needsAdmin());
        }

        public boolean actsAsProfessional() {
            return part == Contract.Party.PROFESSIONAL;
        }
    }

    /** A contract its parties and the admins see (others: 404), locked for a change when {@code lock}. */
    public ContractGrant contract(UUID contractId, boolean lock) {
        Membership caller = caller();
        Contract contract = lock
                ? em.find(Contract.class, contractId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(Contract.class, contractId);
        if (contract == null) {
            throw contractNotFound(contractId);
        }
        Optional<Contract.Party> part = contract.partyOf(caller.memberId());
        if (part.isEmpty() && !isAdmin(caller)) {
            throw contractNotFound(contractId);
        }
        return new ContractGrant(contract, part.orElse(null), isAdmin(caller));
    }

    /** A milestone of a contract, locked: every change of a milestone races with billing's events and the jobs. */
    public Milestone milestone(Contract contract, UUID milestoneId) {
        Milestone milestone = em.find(Milestone.class, milestoneId, LockModeType.PESSIMISTIC_WRITE);
        if (milestone == null || !milestone.contractId().equals(contract.id())) {
            throw new ResourceNotFoundException("There is no milestone " + milestoneId + " in this contract.");
        }
        return milestone;
    }

    /**
     * The review window of a contract, locked (writing a review and the window's end take turns): only the contract's
     * parties review it (others: 404, or 403 for an admin who sees the contract), and only once it ended with work paid
     * in it (409 before).
     */
    public ReviewWindow reviewWindow(UUID contractId) {
        ContractGrant grant = contract(contractId, false);
        if (grant.part() == null) {
            throw notYourPart("Only the contract's parties review each other.");
        }
        ReviewWindow window = em.find(ReviewWindow.class, contractId, LockModeType.PESSIMISTIC_WRITE);
        if (window != null) {
            return window;
        }
        if (grant.contract().status() != ContractStatus.ENDED) {
            throw new ConflictException(
                    "contract-not-ended", "Contract not ended", "A contract is reviewed once it has ended.");
        }
        throw new ConflictException(
                "not-reviewable",
                "Not reviewable",
                "Only a contract that ended with work paid in it is reviewed; no money was released in this one.");
    }

    /**
     * A review the caller may see, locked for a change when {@code lock}: a published one any member, a sealed one its
     * author alone (double-blind: not the other party, not the admins), a hidden one the admins alone.
     */
    public Review review(UUID reviewId, boolean lock) {
        Membership caller = caller();
        Review review = lock
                ? em.find(Review.class, reviewId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(Review.class, reviewId);
        if (review == null || !canSee(review, caller)) {
            throw new ResourceNotFoundException("There is no review " + reviewId + ".");
        }
        return review;
    }

    public static boolean canSee(Review review, Membership caller) {
        return switch (review.status()) {
            case SEALED -> review.authorId().equals(caller.memberId());
            case PUBLISHED -> true;
            case HIDDEN -> isAdmin(caller);
        };
    }

    /** A review a tenant admin moderates, locked; not one about a contract of their own. */
    public Review reviewToModerate(UUID reviewId) {
        Review review = review(reviewId, true);
        Membership caller = caller();
        if (!isAdmin(caller)) {
            throw new ForbiddenException(
                    "role-not-held", "Role not held", "Reviews are moderated by the tenant's admins.");
        }
        if (review.authorId().equals(caller.memberId()) || review.subjectId().equals(caller.memberId())) {
            throw new ForbiddenException(
                    "party-to-review", "Party to the review", "An admin does not moderate a review of their own.");
        }
        return review;
    }

    /**
     * A service the caller may see: its professional and the admins see it in any state; other members see it active or
     * paused, and only while its professional's profile is active (they have not left, nor lost the role): a service of
     * someone who is gone is gone with them, and no longer orderable.
     */
    public Service serviceToRead(UUID serviceId) {
        return visibleService(serviceId, null);
    }

    /** A service its professional (or an admin, moderating) changes, locked against a concurrent change. */
    public Service serviceOfProfessional(UUID serviceId) {
        Membership caller = caller();
        Service service = visibleService(serviceId, LockModeType.PESSIMISTIC_WRITE);
        if (!service.professionalId().equals(caller.memberId()) && !isAdmin(caller)) {
            throw new ForbiddenException(
                    "not-service-professional",
                    "Not the service's professional",
                    "Only the service's professional does this.");
        }
        return service;
    }

    /**
     * A service a client orders: one they see, held (shared) until the order commits so that it is not paused or
     * changed meanwhile. The admins see every service; theirs is ordered only while its professional is active.
     */
    public Service serviceToOrder(UUID serviceId) {
        Service service = visibleService(serviceId, LockModeType.PESSIMISTIC_READ);
        if (!professionalActive(service.professionalId())) {
            throw new ConflictException(
                    "professional-unavailable",
                    "Professional unavailable",
                    "The professional offering this service is no longer active in the marketplace.");
        }
        return service;
    }

    private Service visibleService(UUID serviceId, LockModeType lock) {
        Membership caller = caller();
        Service service = lock == null ? em.find(Service.class, serviceId) : em.find(Service.class, serviceId, lock);
        if (service == null || !canSee(service, caller)) {
            throw new ResourceNotFoundException("There is no service " + serviceId + ".");
        }
        return service;
    }

    private boolean canSee(Service service, Membership caller) {
        if (service.professionalId().equals(caller.memberId()) || isAdmin(caller)) {
            return true;
        }
        return (service.status() == ServiceStatus.ACTIVE || service.status() == ServiceStatus.PAUSED)
                && professionalActive(service.professionalId());
    }

    boolean professionalActive(UUID professionalId) {
        Profile profile = em.find(Profile.class, professionalId);
        return profile != null && profile.active();
    }

    static ResourceNotFoundException jobNotFound(UUID id) {
        return new ResourceNotFoundException("There is no job " + id + ".");
    }

    static ResourceNotFoundException proposalNotFound(UUID id) {
        return new ResourceNotFoundException("There is no proposal " + id + ".");
    }

    static ResourceNotFoundException contractNotFound(UUID id) {
        return new ResourceNotFoundException("There is no contract " + id + ".");
    }

    static ForbiddenException notYourPart(String what) {
        return new ForbiddenException("not-your-part", "Not your part", what);
    }
}
