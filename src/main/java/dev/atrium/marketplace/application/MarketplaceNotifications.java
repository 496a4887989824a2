package dev.atrium.marketplace.application;

import dev.atrium.billing.Money;
import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.Dispute;
import dev.atrium.marketplace.domain.Job;
import dev.atrium.marketplace.domain.Milestone;
import dev.atrium.marketplace.domain.Proposal;
import dev.atrium.notifications.Notice;
import dev.atrium.notifications.NoticeSubject;
import dev.atrium.notifications.NotificationKind;
import dev.atrium.notifications.NotificationKind.Channels;
import dev.atrium.notifications.NotificationKind.EmailCadence;
import dev.atrium.notifications.NotificationKinds;
import dev.atrium.notifications.Notifications;
import dev.atrium.notifications.SubjectVisibility;
import dev.atrium.platform.security.TenantRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the marketplace tells its members: new proposals and invitations, hires, every step of a milestone's money
 * (funded, submitted, approved, released, refunded), disputes, ended contracts. Each is about a contract (seen by its
 * parties and the admins) or a job (seen as the job's own reads allow), so nobody is told about what they no longer
 * see.
 */
@ApplicationScoped
public class MarketplaceNotifications implements NotificationKinds, SubjectVisibility {

    static final String PROPOSAL_RECEIVED = "marketplace.proposal-received";
    static final String INVITED = "marketplace.invited";
    static final String PROPOSAL_DECLINED = "marketplace.proposal-declined";
    static final String HIRED = "marketplace.hired";
    static final String FUNDED = "marketplace.milestone-funded";
    static final String SUBMITTED = "marketplace.work-submitted";
    static final String CHANGES_REQUESTED = "marketplace.changes-requested";
    static final String APPROVED = "marketplace.milestone-approved";
    static final String RELEASED = "marketplace.milestone-released";
    static final String REFUNDED = "marketplace.milestone-refunded";
    static final String DISPUTE_OPENED = "marketplace.dispute-opened";
    static final String DISPUTE_DECIDED = "marketplace.dispute-decided";
    static final String CONTRACT_ENDED = "marketplace.contract-ended";
    static final String SEARCH_ALERT = "marketplace.search-alert";

    static final String CONTRACT = "marketplace-contract";
    static final String JOB = "marketplace-job";
    static final String PROFILE = "marketplace-profile";

    private static final Channels AT_ONCE = new Channels(true, EmailCadence.IMMEDIATELY, true);
    private static final Channels IN_APP_AND_DIGEST = new Channels(true, EmailCadence.DAILY, false);

    @Inject
    Notifications notifications;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    dev.atrium.identity.Members members;

    /**
     * Money and work waiting on someone go out at once, everywhere; proposals arriving on a job are many, so clients get
     * them in the app and a daily digest.
     */
    @Override
    public List<NotificationKind> kinds() {
        return List.of(
                NotificationKind.of(PROPOSAL_RECEIVED, IN_APP_AND_DIGEST),
                NotificationKind.of(INVITED, AT_ONCE),
                NotificationKind.of(PROPOSAL_DECLINED, IN_APP_AND_DIGEST),
                NotificationKind.of(HIRED, AT_ONCE),
                NotificationKind.of(FUNDED, AT_ONCE),
                NotificationKind.of(SUBMITTED, AT_ONCE),
                NotificationKind.of(CHANGES_REQUESTED, AT_ONCE),
                NotificationKind.of(APPROVED, AT_ONCE),
                NotificationKind.of(RELEASED, AT_ONCE),
                NotificationKind.of(REFUNDED, AT_ONCE),
                NotificationKind.of(DISPUTE_OPENED, AT_ONCE),
                NotificationKind.of(DISPUTE_DECIDED, AT_ONCE),
                NotificationKind.of(CONTRACT_ENDED, AT_ONCE),
                NotificationKind.of(SEARCH_ALERT, IN_APP_AND_DIGEST));
    }

    @Override
    public String kind() {
        return CONTRACT;
    }

    /** A contract's parties and the tenant's admins. */
    @Override
    public Set<String> visibleTo(UUID memberId, Collection<String> ids) {
        boolean admin = isAdmin(memberId);
        Set<String> visible = new HashSet<>();
        for (String id : ids) {
            UUID contractId = uuid(id);
            if (contractId == null) {
                continue;
            }
            Contract contract = em.find(Contract.class, contractId);
            if (contract != null && (admin || contract.partyOf(memberId).isPresent())) {
                visible.add(id);
            }
        }
        return visible;
    }

    boolean isAdmin(UUID memberId) {
        return members.contact(memberId)
                .map(member -> member.roles().contains(TenantRole.ADMIN))
                .orElse(false);
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    void proposalReceived(Proposal proposal, Job job) {
        aboutJob(PROPOSAL_RECEIVED, Set.of(job.clientId()), proposal.professionalId(), job);
    }

    void invited(Job job, UUID professionalId, UUID by) {
        aboutJob(INVITED, Set.of(professionalId), by, job);
    }

    void declined(Proposal proposal, Job job) {
        aboutJob(PROPOSAL_DECLINED, Set.of(proposal.professionalId()), null, job);
    }

    void hired(Contract contract, Proposal proposal) {
        aboutContract(HIRED, Set.of(proposal.professionalId()), contract.clientId(), contract, null, Map.of());
    }

    void funded(Contract contract, Milestone milestone) {
        aboutContract(FUNDED, Set.of(contract.professionalId()), null, contract, milestone, Map.of());
    }

    void workSubmitted(Contract contract, Milestone milestone) {
        aboutContract(SUBMITTED, Set.of(contract.clientId()), contract.professionalId(), contract, milestone, Map.of());
    }

    void changesRequested(Contract contract, Milestone milestone) {
        aboutContract(
                CHANGES_REQUESTED,
                Set.of(contract.professionalId()),
                contract.clientId(),
                contract,
                milestone,
                Map.of());
    }

    /** Approved by the client (who is not told of their own act), or automatically (both are told). */
    void approved(Contract contract, Milestone milestone, boolean automatically) {
        aboutContract(
                APPROVED,
                Set.of(contract.professionalId(), contract.clientId()),
                automatically ? null : contract.clientId(),
                contract,
                milestone,
                Map.of());
    }

    void released(Contract contract, Milestone milestone, Money earned) {
        aboutContract(
                RELEASED,
                Set.of(contract.professionalId()),
                null,
                contract,
                milestone,
                Map.of("amount", earned.display()));
    }

    void refunded(Contract contract, Milestone milestone, Money refunded) {
        aboutContract(
                REFUNDED, Set.of(contract.clientId()), null, contract, milestone, Map.of("amount", refunded.display()));
    }

    /** The other party and the tenant's admins, who decide it. */
    void disputeOpened(Contract contract, Milestone milestone, UUID openedBy) {
        Set<UUID> told = new HashSet<>(admins());
        told.add(contract.clientId());
        told.add(contract.professionalId());
        aboutContract(DISPUTE_OPENED, told, openedBy, contract, milestone, Map.of());
    }

    void disputeDecided(Contract contract, Milestone milestone, Dispute dispute) {
        aboutContract(
                DISPUTE_DECIDED,
                Set.of(contract.clientId(), contract.professionalId()),
                dispute.decidedBy(),
                contract,
                milestone,
                Map.of("decision", Views.idOf(dispute.decision())));
    }

    void contractEnded(Contract contract, UUID by) {
        aboutContract(
                CONTRACT_ENDED, Set.of(contract.clientId(), contract.professionalId()), by, contract, null, Map.of());
    }

    /** A new job matched a professional's saved search (a digest: searches can match many). */
    void searchAlert(dev.atrium.marketplace.domain.SavedSearch saved, Job job) {
        notifications.raise(Notice.of(
                SEARCH_ALERT,
                Set.of(saved.memberId()),
                null,
                new NoticeSubject(JOB, job.id().toString(), "/marketplace/jobs/" + job.id()),
                Map.of("search", saved.name(), "title", job.title())));
    }

    /** A new professional matched a client's saved search. */
    void searchAlert(dev.atrium.marketplace.domain.SavedSearch saved, dev.atrium.marketplace.domain.Profile profile) {
        notifications.raise(Notice.of(
                SEARCH_ALERT,
                Set.of(saved.memberId()),
                null,
                new NoticeSubject(
                        PROFILE, profile.memberId().toString(), "/marketplace/profiles/" + profile.memberId()),
                Map.of("search", saved.name(), "title", profile.displayName() + ", " + profile.headline())));
    }

    private List<UUID> admins() {
        return members.holding(TenantRole.ADMIN, 50);
    }

    private void aboutJob(String type, Set<UUID> to, UUID actor, Job job) {
        notifications.raise(Notice.of(
                type,
                to,
                actor,
                new NoticeSubject(JOB, job.id().toString(), "/marketplace/jobs/" + job.id()),
                Map.of("job", job.title())));
    }

    private void aboutContract(
            String type, Set<UUID> to, UUID actor, Contract contract, Milestone milestone, Map<String, String> values) {
        Map<String, String> all = new java.util.HashMap<>(values);
        all.put("contract", contract.title());
        if (milestone != null) {
            all.put("milestone", milestone.title());
        }
        notifications.raise(Notice.of(
                type,
                to,
                actor,
                new NoticeSubject(CONTRACT, contract.id().toString(), "/marketplace/contracts/" + contract.id()),
                all));
    }
}
