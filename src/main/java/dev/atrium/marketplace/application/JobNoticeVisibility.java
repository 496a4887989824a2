package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Job;
import dev.atrium.marketplace.domain.JobStatus;
import dev.atrium.marketplace.domain.JobVisibility;
import dev.atrium.notifications.SubjectVisibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Who can still see a job a notification is about: as {@link MarketplaceAccess#jobToRead} decides for a caller. */
@ApplicationScoped
public class JobNoticeVisibility implements SubjectVisibility {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceAccess access;

    @Inject
    MarketplaceNotifications notifications;

    @Override
    public String kind() {
        return MarketplaceNotifications.JOB;
    }

    @Override
    public Set<String> visibleTo(UUID memberId, Collection<String> ids) {
        boolean admin = notifications.isAdmin(memberId);
        Set<String> visible = new HashSet<>();
        for (String id : ids) {
            UUID jobId = MarketplaceNotifications.uuid(id);
            Job job = jobId == null ? null : em.find(Job.class, jobId);
            if (job == null) {
                continue;
            }
            if (admin
                    || job.clientId().equals(memberId)
                    || (job.status() != JobStatus.DRAFT
                            && (job.visibility() != JobVisibility.INVITED || access.invited(jobId, memberId)))
                    || access.proposedOn(jobId, memberId)) {
                visible.add(id);
            }
        }
        return visible;
    }
}
