package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.Job;
import dev.atrium.marketplace.domain.Proposal;
import dev.atrium.messaging.ConversationContext;
import dev.atrium.platform.errors.AtriumException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * The marketplace's conversations. A contract's is its parties' (and its admins', once a party left). A proposal's
 * is the job's client talking with the professional who proposed (the conversation attached to the job, one per
 * candidate, as on Upwork): both take part while the proposal exists.
 */
public final class MarketplaceConversations {

    private MarketplaceConversations() {}

    /** {@code contract}: the contract's parties; the admins only once a party has left. */
    @ApplicationScoped
    public static class OfContracts implements ConversationContext {

        @PersistenceContext(unitName = "atrium")
        EntityManager em;

        @Inject
        MarketplaceAccess access;

        @Inject
        MarketplaceNotifications notifications;

        @Override
        public String type() {
            return "contract";
        }

        @Override
        public boolean callerMayTakePart(String id) {
            UUID contractId = MarketplaceNotifications.uuid(id);
            if (contractId == null) {
                return false;
            }
            try {
                MarketplaceAccess.ContractGrant grant = access.contract(contractId, false);
                return grant.part() != null || grant.contract().needsAdmin();
            } catch (AtriumException refused) {
                return false;
            }
        }

        @Override
        public boolean mayTakePart(String id, UUID memberId) {
            UUID contractId = MarketplaceNotifications.uuid(id);
            Contract contract = contractId == null ? null : em.find(Contract.class, contractId);
            return contract != null
                    && (contract.partyOf(memberId).isPresent()
                            || (contract.needsAdmin() && notifications.isAdmin(memberId)));
        }
    }

    /** {@code proposal}: the job's client and the proposal's professional. */
    @ApplicationScoped
    public static class OfProposals implements ConversationContext {

        @PersistenceContext(unitName = "atrium")
        EntityManager em;

        @Inject
        MarketplaceAccess access;

        @Override
        public String type() {
            return "proposal";
        }

        @Override
        public boolean callerMayTakePart(String id) {
            UUID proposalId = MarketplaceNotifications.uuid(id);
            return proposalId != null && mayTakePart(id, access.caller().memberId());
        }

        @Override
        public boolean mayTakePart(String id, UUID memberId) {
            UUID proposalId = MarketplaceNotifications.uuid(id);
            Proposal proposal = proposalId == null ? null : em.find(Proposal.class, proposalId);
            if (proposal == null) {
                return false;
            }
            Job job = em.find(Job.class, proposal.jobId());
            return proposal.professionalId().equals(memberId) || job.clientId().equals(memberId);
        }
    }
}
