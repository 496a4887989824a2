package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Profile;
import dev.atrium.notifications.SubjectVisibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A professional's profile is seen by every member while it is active (its member has not left the tenant). */
@ApplicationScoped
public class ProfileNoticeVisibility implements SubjectVisibility {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Override
    public String kind() {
        return MarketplaceNotifications.PROFILE;
    }

    @Override
    public Set<String> visibleTo(UUID memberId, Collection<String> ids) {
        Set<String> visible = new HashSet<>();
        for (String id : ids) {
            UUID profileId = MarketplaceNotifications.uuid(id);
            Profile profile = profileId == null ? null : em.find(Profile.class, profileId);
            if (profile != null && profile.active()) {
                visible.add(id);
            }
        }
        return visible;
    }
}
