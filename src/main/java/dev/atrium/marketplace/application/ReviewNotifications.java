package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Review;
import dev.atrium.notifications.Notice;
import dev.atrium.notifications.NoticeSubject;
import dev.atrium.notifications.NotificationKind;
import dev.atrium.notifications.NotificationKind.Channels;
import dev.atrium.notifications.NotificationKind.EmailCadence;
import dev.atrium.notifications.NotificationKinds;
import dev.atrium.notifications.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What reviews tell members: a review of them was published. It is about the review's contract, which its parties
 * see (the marketplace's contract visibility), and links to the review.
 */
@ApplicationScoped
public class ReviewNotifications implements NotificationKinds {

    static final String PUBLISHED = "marketplace.review-published";

    /** Nothing waits on the reviewed party (a reply is optional), so no push; an e-mail soon, as reviews matter. */
    private static final Channels IN_APP_AND_EMAIL = new Channels(true, EmailCadence.IMMEDIATELY, false);

    @Inject
    Notifications notifications;

    @Override
    public List<NotificationKind> kinds() {
        return List.of(NotificationKind.of(PUBLISHED, IN_APP_AND_EMAIL));
    }

    void published(Review review) {
        notifications.raise(Notice.of(
                PUBLISHED,
                Set.of(review.subjectId()),
                review.authorId(),
                new NoticeSubject(
                        MarketplaceNotifications.CONTRACT,
                        review.contractId().toString(),
                        "/marketplace/reviews/" + review.id()),
                Map.of("contract", review.contractTitle())));
    }
}
