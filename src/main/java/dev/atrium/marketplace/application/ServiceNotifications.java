package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.ServiceOrder;
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
 * What services tell professionals: an order of theirs, which is a contract waiting for its funding and their work. It
 * is about the contract the order made (its parties and the admins see it; {@link MarketplaceNotifications}).
 */
@ApplicationScoped
public class ServiceNotifications implements NotificationKinds {

    static final String ORDERED = "marketplace.service-ordered";

    /** An order is work and money waiting on the professional: told at once, everywhere. */
    private static final Channels AT_ONCE = new Channels(true, EmailCadence.IMMEDIATELY, true);

    @Inject
    Notifications notifications;

    @Override
    public List<NotificationKind> kinds() {
        return List.of(NotificationKind.of(ORDERED, AT_ONCE));
    }

    void ordered(Contract contract, ServiceOrder order) {
        notifications.raise(Notice.of(
                ORDERED,
                Set.of(contract.professionalId()),
                contract.clientId(),
                new NoticeSubject(
                        MarketplaceNotifications.CONTRACT,
                        contract.id().toString(),
                        "/marketplace/contracts/" + contract.id()),
                Map.of("service", contract.title(), "tier", order.tier().name())));
    }
}
