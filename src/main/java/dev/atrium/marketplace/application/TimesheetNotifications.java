package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.HourlyRate;
import dev.atrium.marketplace.domain.Timesheet;
import dev.atrium.notifications.Notice;
import dev.atrium.notifications.NoticeSubject;
import dev.atrium.notifications.NotificationKind;
import dev.atrium.notifications.NotificationKind.Channels;
import dev.atrium.notifications.NotificationKind.EmailCadence;
import dev.atrium.notifications.NotificationKinds;
import dev.atrium.notifications.Notifications;
import dev.atrium.platform.security.TenantRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What an hourly contract's parties hear about its weeks: a week submitted waits on the client, an approved one on
 * the client's payment, a disputed one on the admins, a reopened one on the professional. Each is about the contract
 * (its parties and the admins see it: {@link MarketplaceNotifications} decides that).
 */
@ApplicationScoped
public class TimesheetNotifications implements NotificationKinds {

    static final String WEEK_SUBMITTED = "marketplace.week-submitted";
    static final String WEEK_APPROVED = "marketplace.week-approved";
    static final String WEEK_DISPUTED = "marketplace.week-disputed";
    static final String WEEK_REOPENED = "marketplace.week-reopened";

    /** Each waits on someone's answer or money: at once, everywhere. */
    private static final Channels AT_ONCE = new Channels(true, EmailCadence.IMMEDIATELY, true);

    @Inject
    Notifications notifications;

    @Inject
    dev.atrium.identity.Members members;

    @Override
    public List<NotificationKind> kinds() {
        return List.of(
                NotificationKind.of(WEEK_SUBMITTED, AT_ONCE),
                NotificationKind.of(WEEK_APPROVED, AT_ONCE),
                NotificationKind.of(WEEK_DISPUTED, AT_ONCE),
                NotificationKind.of(WEEK_REOPENED, AT_ONCE));
    }

    /** To the client; by the professional, or by nobody when it was submitted automatically. */
    void weekSubmitted(Contract contract, Timesheet week, UUID by) {
        raise(WEEK_SUBMITTED, Set.of(contract.clientId()), by, contract, week);
    }

    /** To the professional (and to the client, when an admin approved it for them). */
    void weekApproved(Contract contract, Timesheet week, UUID by) {
        raise(WEEK_APPROVED, Set.of(contract.professionalId(), contract.clientId()), by, contract, week);
    }

    /** To the professional and the tenant's admins, who decide it. */
    void weekDisputed(Contract contract, Timesheet week, UUID by) {
        Set<UUID> told = new HashSet<>(members.holding(TenantRole.ADMIN, 50));
        told.add(contract.professionalId());
        raise(WEEK_DISPUTED, told, by, contract, week);
    }

    /** To both parties: the professional corrects the week and submits it again. */
    void weekReopened(Contract contract, Timesheet week, UUID by) {
        raise(WEEK_REOPENED, Set.of(contract.professionalId(), contract.clientId()), by, contract, week);
    }

    private void raise(String type, Set<UUID> to, UUID actor, Contract contract, Timesheet week) {
        notifications.raise(Notice.of(
                type,
                to,
                actor,
                new NoticeSubject(
                        MarketplaceNotifications.CONTRACT,
                        contract.id().toString(),
                        "/marketplace/contracts/" + contract.id() + "/timesheets/" + week.week()),
                Map.of(
                        "contract",
                        contract.title(),
                        "week",
                        week.week().toString(),
                        "hours",
                        HourlyRate.duration(week.minutes()))));
    }
}
