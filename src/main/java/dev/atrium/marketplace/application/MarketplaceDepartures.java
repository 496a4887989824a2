package dev.atrium.marketplace.application;

import dev.atrium.identity.MemberRemoved;
import dev.atrium.identity.MemberRolesChanged;
import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.ContractStatus;
import dev.atrium.marketplace.domain.Job;
import dev.atrium.marketplace.domain.JobStatus;
import dev.atrium.marketplace.domain.Profile;
import dev.atrium.marketplace.domain.Proposal;
import dev.atrium.marketplace.domain.ProposalStatus;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.TenantRole;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A member who leaves the tenant leaves the marketplace with it, in the removal's transaction: their open proposals
 * are withdrawn, their open jobs cancelled (the proposals on them declined), their profile hidden, and their
 * contracts go to the tenant's admins, who decide what happens to money still held. A professional who loses the role
 * has their profile hidden until they hold it again.
 */
@ApplicationScoped
public class MarketplaceDepartures {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceNotifications notifications;

    @Inject
    Now clock;

    @TenantTransactional
    void onRemoved(@Observes MemberRemoved removed) {
        UUID member = removed.memberId();
        OffsetDateTime now = clock.dateTime();
        em.createQuery(
                        "select p from Proposal p where p.professionalId = :member and p.status in :open",
                        Proposal.class)
                .setParameter("member", member)
                .setParameter("open", List.of(ProposalStatus.SUBMITTED, ProposalStatus.SHORTLISTED))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .forEach(proposal -> proposal.withdraw(now));
        em.createQuery("select j from Job j where j.clientId = :member and j.status in :live", Job.class)
                .setParameter("member", member)
                .setParameter("live", List.of(JobStatus.DRAFT, JobStatus.OPEN, JobStatus.CLOSED))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .forEach(job -> cancel(job, now));
        em.createQuery(
                        "select c from Contract c where (c.clientId = :member or c.professionalId = :member)"
                                + " and c.status <> :ended",
                        Contract.class)
                .setParameter("member", member)
                .setParameter("ended", ContractStatus.ENDED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .forEach(Contract::partyLeft);
        Profile profile = em.find(Profile.class, member, LockModeType.PESSIMISTIC_WRITE);
        if (profile != null) {
            profile.deactivate();
        }
    }

    private void cancel(Job job, OffsetDateTime now) {
        job.cancel(now);
        em.createQuery("select p from Proposal p where p.jobId = :job and p.status in :open", Proposal.class)
                .setParameter("job", job.id())
                .setParameter("open", List.of(ProposalStatus.SUBMITTED, ProposalStatus.SHORTLISTED))
                .getResultStream()
                .forEach(proposal -> {
                    proposal.decline("The client left.", now);
                    notifications.declined(proposal, job);
                });
    }

    @TenantTransactional
    void onRolesChanged(@Observes MemberRolesChanged changed) {
        boolean before = changed.before().contains(TenantRole.PROFESSIONAL);
        boolean after = changed.after().contains(TenantRole.PROFESSIONAL);
        if (before == after) {
            return;
        }
        Profile profile = em.find(Profile.class, changed.memberId(), LockModeType.PESSIMISTIC_WRITE);
        if (profile == null) {
            return;
        }
        if (after) {
            profile.activate();
        } else {
            profile.deactivate();
        }
    }
}
