package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Milestone;
import dev.atrium.marketplace.domain.Submission;
import dev.atrium.platform.errors.AtriumException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.media.Media;
import dev.atrium.platform.media.MediaOwner;
import dev.atrium.platform.media.MediaReadAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Files on marketplace objects (a job's attachments, a proposal's, submitted work, portfolio items, a service's
 * images), through the media service: a member attaches only their own uploads, and a file is read by whoever may read
 * its object.
 */
@ApplicationScoped
public class MarketplaceMedia implements MediaReadAccess {

    static final String MODULE = "marketplace";

    /** A job, a proposal or submitted work carries at most this many files. */
    static final int MAX_FILES = 10;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Media media;

    @Inject
    MarketplaceAccess access;

    static MediaOwner owner(String type, UUID id) {
        return new MediaOwner(MODULE, type, id.toString());
    }

    /** Attaches the uploads not attached yet and deletes those no longer listed (in the caller's transaction). */
    void attach(String type, UUID id, Collection<UUID> before, Collection<UUID> after) {
        if (after.size() > MAX_FILES) {
            throw new InvalidRequestException("At most " + MAX_FILES + " files are attached.");
        }
        for (UUID added : after) {
            if (!before.contains(added)) {
                media.attach(added, owner(type, id));
            }
        }
        for (UUID removed : before) {
            if (!after.contains(removed)) {
                media.delete(media.find(removed));
            }
        }
    }

    void attach(String type, UUID id, Collection<UUID> files) {
        attach(type, id, Set.of(), files);
    }

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public boolean callerMayRead(MediaOwner owner) {
        UUID id = MarketplaceNotifications.uuid(owner.id());
        if (id == null) {
            return false;
        }
        try {
            switch (owner.type()) {
                case "portfolio" -> access.caller();
                case "job" -> access.jobToRead(id);
                case "service" -> access.serviceToRead(id);
                case "proposal" -> access.proposal(id, false);
                case "submission" -> {
                    Submission submission = em.find(Submission.class, id);
                    Milestone milestone = em.find(Milestone.class, submission.milestoneId());
                    access.contract(milestone.contractId(), false);
                }
                default -> {
                    return false;
                }
            }
            return true;
        } catch (AtriumException refused) {
            return false;
        }
    }
}
