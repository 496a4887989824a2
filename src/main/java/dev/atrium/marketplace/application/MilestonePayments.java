package dev.atrium.marketplace.application;

import dev.atrium.billing.Escrow;
import dev.atrium.marketplace.MilestoneReleased;
import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.Milestone;
import dev.atrium.marketplace.domain.Profile;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * What billing's escrow reports about milestones' money, applied in the same transaction that records it (billing's
 * handling of the payment provider's event): funded, released, refunded, charged back. The milestone follows the
 * money; nothing here moves any. The professional's profile facts (released milestones on time, completed contracts,
 * repeat clients) follow from the same events.
 */
@ApplicationScoped
public class MilestonePayments {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceNotifications notifications;

    @Inject
    Event<MilestoneReleased> released;

    @Inject
    Now clock;

    @Inject
    TimesheetDesk timesheets;

    /**
     * A milestone paying an approved week of an hourly contract is released as soon as it is funded, in this same
     * transaction: the work it pays was approved before the client paid.
     */
    void onFunded(@Observes Escrow.Funded funded) {
        Milestone milestone = milestoneOf(funded.module(), funded.ref());
        if (milestone == null || !milestone.funded(funded.holdId(), clock.dateTime())) {
            return;
        }
        if (milestone.paysApprovedWork()) {
            timesheets.approvedWorkFunded(contractOf(milestone), milestone);
        } else {
            notifications.funded(contractOf(milestone), milestone);
        }
    }

    void onReleased(@Observes Escrow.Released paid) {
        Milestone milestone = milestoneOf(paid.module(), paid.ref());
        if (milestone == null || milestone.releasedAt() != null) {
            return;
        }
        milestone.released(paid.released(), paid.payeeNet(), clock.dateTime());
        Contract contract = contractOf(milestone);
        Profile profile = em.find(Profile.class, contract.professionalId(), LockModeType.PESSIMISTIC_WRITE);
        if (profile != null) {
            profile.milestoneReleased(milestone.deliveredOnTime());
        }
        released.fire(new MilestoneReleased(
                contract.id(),
                milestone.id(),
                contract.clientId(),
                contract.professionalId(),
                paid.released(),
                paid.payeeNet()));
        notifications.released(contract, milestone, paid.payeeNet());
    }

    void onRefunded(@Observes Escrow.Refunded refunded) {
        Milestone milestone = milestoneOf(refunded.module(), refunded.ref());
        if (milestone != null) {
            milestone.refunded(refunded.refunded());
            notifications.refunded(contractOf(milestone), milestone, refunded.refunded());
        }
    }

    /**
     * A contract ended with work paid: it counts on its professional's profile, and as a repeat client if the client
     * had completed a contract with them before.
     */
    void onEnded(@Observes dev.atrium.marketplace.ContractEnded ended) {
        if (!ended.completed()) {
            return;
        }
        Profile profile = em.find(Profile.class, ended.professionalId(), LockModeType.PESSIMISTIC_WRITE);
        if (profile == null) {
            return;
        }
        long before = (Long) em.createQuery(
                        "select count(c) from Contract c where c.clientId = :client and c.professionalId = :professional"
                                + " and c.id <> :contract and c.status = :ended and exists (select m from"
                                + " ContractMilestone m where m.contractId = c.id and m.status = :released)")
                .setParameter("client", ended.clientId())
                .setParameter("professional", ended.professionalId())
                .setParameter("contract", ended.contractId())
                .setParameter("ended", dev.atrium.marketplace.domain.ContractStatus.ENDED)
                .setParameter("released", dev.atrium.marketplace.domain.MilestoneStatus.RELEASED)
                .getSingleResult();
        profile.contractCompleted(before > 0);
    }

    void onChargedBack(@Observes Escrow.ChargedBack chargedBack) {
        Milestone milestone = milestoneOf(chargedBack.module(), chargedBack.ref());
        if (milestone != null) {
            milestone.chargedBack();
        }
    }

    private Milestone milestoneOf(String module, String ref) {
        if (!ContractDesk.MODULE.equals(module) || !ref.startsWith("milestone-")) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(ref.substring("milestone-".length()));
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
        return em.find(Milestone.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    private Contract contractOf(Milestone milestone) {
        return em.find(Contract.class, milestone.contractId());
    }
}
