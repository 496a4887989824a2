package dev.atrium.marketplace.application;

import dev.atrium.billing.Escrow;
import dev.atrium.billing.Money;
import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.Dispute;
import dev.atrium.marketplace.domain.Milestone;
import dev.atrium.marketplace.domain.Submission;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Disputes over funded milestones: either party opens one (the money stays in escrow, the automatic release stops),
 * the tenant's admins see them in one list and decide: refund the client, release to the professional, or split.
 */
@ApplicationScoped
@TenantTransactional
public class DisputeDesk {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceAccess access;

    @Inject
    ContractDesk contracts;

    @Inject
    Escrow escrow;

    @Inject
    MarketplaceNotifications notifications;

    @Inject
    Now clock;

    public Views.DisputeView open(UUID contractId, UUID milestoneId, String reason) {
        MarketplaceAccess.ContractGrant grant = access.contract(contractId, true);
        if (grant.part() == null) {
            throw MarketplaceAccess.notYourPart("Only the contract's parties open a dispute; admins decide it.");
        }
        Milestone milestone = access.milestone(grant.contract(), milestoneId);
        boolean submitted = milestone.status() == dev.atrium.marketplace.domain.MilestoneStatus.SUBMITTED;
        OffsetDateTime now = clock.dateTime();
        Dispute dispute = Dispute.open(milestone, access.caller().memberId(), reason, now);
        em.persist(dispute);
        if (submitted) {
            contracts.latestSubmission(milestoneId).answered(Submission.Answer.DISPUTED, reason, now);
        }
        em.flush();
        notifications.disputeOpened(grant.contract(), milestone, access.caller().memberId());
        return Views.DisputeView.of(dispute, contractId);
    }

    /** The tenant's disputes (admins), open ones first by age, or all. */
    public Page<Views.DisputeView> list(Dispute.Status status, PageRequest page) {
        requireAdmin();
        Map<String, Object> parameters = new java.util.HashMap<>();
        String where = "";
        if (status != null) {
            where = " where d.status = :status";
            parameters.put("status", status);
        }
        Page<Dispute> disputes =
                JpaPages.page(em, Dispute.class, "Dispute d", where, "d.openedAt, d.id", parameters, page);
        return disputes.map(dispute -> Views.DisputeView.of(
                dispute, em.find(Milestone.class, dispute.milestoneId()).contractId()));
    }

    /** A dispute, for an admin or a party to its contract. */
    public Views.DisputeView get(UUID disputeId) {
        Dispute dispute = em.find(Dispute.class, disputeId);
        if (dispute == null) {
            throw notFound(disputeId);
        }
        UUID contractId = em.find(Milestone.class, dispute.milestoneId()).contractId();
        try {
            access.contract(contractId, false);
        } catch (ResourceNotFoundException notTheirs) {
            throw notFound(disputeId);
        }
        return Views.DisputeView.of(dispute, contractId);
    }

    /** An admin decides: the milestone's money goes to the professional, back to the client, or split. */
    public Views.DisputeView decide(UUID disputeId, Dispute.Decision decision, Long released, String note) {
        Membership admin = requireAdmin();
        Dispute dispute = em.find(Dispute.class, disputeId, LockModeType.PESSIMISTIC_WRITE);
        if (dispute == null) {
            throw notFound(disputeId);
        }
        Milestone milestone = em.find(Milestone.class, dispute.milestoneId(), LockModeType.PESSIMISTIC_WRITE);
        Contract contract = em.find(Contract.class, milestone.contractId());
        if (contract.partyOf(admin.memberId()).isPresent()) {
            throw new ForbiddenException(
                    "party-to-dispute",
                    "Party to the dispute",
                    "An admin does not decide a dispute over their own contract.");
        }
        Money toProfessional = dispute.decide(milestone, decision, released, admin.memberId(), note, clock.dateTime());
        escrow.settle(
                milestone.escrowId(),
                toProfessional,
                "Dispute decided by an admin: " + decision.name().toLowerCase(java.util.Locale.ROOT)
                        + (note == null ? "" : " (" + note + ")"));
        em.flush();
        notifications.disputeDecided(contract, milestone, dispute);
        return Views.DisputeView.of(dispute, contract.id());
    }

    private Membership requireAdmin() {
        Membership caller = access.caller();
        if (!MarketplaceAccess.isAdmin(caller)) {
            throw new ForbiddenException(
                    "role-not-held", "Role not held", "Disputes are decided by the tenant's admins.");
        }
        return caller;
    }

    private static ResourceNotFoundException notFound(UUID id) {
        return new ResourceNotFoundException("There is no dispute " + id + ".");
    }
}
