package dev.atrium.notifications.application;

import dev.atrium.identity.Members;
import dev.atrium.identity.Members.MemberContact;
import dev.atrium.notifications.NotificationKind.EmailCadence;
import dev.atrium.notifications.domain.Notification;
import dev.atrium.platform.mail.Mail;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Notification e-mails: one at once for kinds the member wants immediately, or one digest a day or a week gathering
 * the rest. Each carries an unsubscribe link (and the List-Unsubscribe headers). A notification whose object the
 * member can no longer see is not sent, only marked done.
 */
@ApplicationScoped
public class NotificationMailing {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    NotificationStore store;

    @Inject
    NotificationCentre centre;

    @Inject
    NotificationTexts texts;

    @Inject
    UnsubscribeLinks links;

    @Inject
    Members members;

    @Inject
    Mail mail;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Now now;

    /** Sends one notification's e-mail, if it still waits for one (a repeated delivery sends nothing). */
    @TenantTransactional
    public void sendNow(UUID notificationId) {
        Notification notification = store.find(notificationId).orElse(null);
        if (notification == null || !notification.awaitsImmediateEmail()) {
            return;
        }
        MemberContact contact = members.contact(notification.memberId()).orElse(null);
        if (contact != null
                && !centre.stillVisible(contact.id(), List.of(notification)).isEmpty()) {
            String locale = centre.locale(contact.id());
            mail.send(
                    contact.email(),
                    "notification",
                    locale,
                    Map.of("text", texts.render(notification.type(), locale, notification.params())),
                    links.url(currentTenant.get(), contact.id(), notification.type()));
        }
        store.markEmailed(List.of(notification.id()), now.dateTime());
    }

    /**
     * Sends the digests of this cadence that are due: a member's first once their oldest waiting notification is
     * {@code every} old, the next {@code every} after the last. Answers how many were sent.
     */
    @TenantTransactional
    public int sendDigests(EmailCadence cadence, Duration every) {
        Map<UUID, List<Notification>> waiting = store.awaitingDigest(cadence).stream()
                .collect(Collectors.groupingBy(Notification::memberId, LinkedHashMap::new, Collectors.toList()));
        int sent = 0;
        for (Map.Entry<UUID, List<Notification>> member : waiting.entrySet()) {
            List<Notification> notifications = member.getValue();
            OffsetDateTime since = lastDigest(member.getKey(), cadence)
                    .orElse(notifications.get(0).createdAt());
            if (since.plus(every).isAfter(now.dateTime())) {
                continue;
            }
            if (digest(member.getKey(), cadence, notifications)) {
                sent++;
            }
            store.markEmailed(notifications.stream().map(Notification::id).toList(), now.dateTime());
            NativeQueries.execute(
                    em,
                    "insert into notification_digest (member_id, cadence, last_sent_at) values (?1, ?2, ?3)"
                            + " on conflict (member_id, cadence) do update set last_sent_at = excluded.last_sent_at",
                    member.getKey(),
                    cadence.id(),
                    now.dateTime());
        }
        return sent;
    }

    private boolean digest(UUID member, EmailCadence cadence, List<Notification> notifications) {
        MemberContact contact = members.contact(member).orElse(null);
        List<Notification> visible = contact == null ? List.of() : centre.stillVisible(member, notifications);
        if (visible.isEmpty()) {
            return false;
        }
        String locale = centre.locale(member);
        String lines = visible.stream()
                .map(notification -> texts.render(notification.type(), locale, notification.params()))
                .collect(Collectors.joining("\n"));
        mail.send(
                contact.email(),
                "notification-digest",
                locale,
                Map.of("count", Integer.toString(visible.size()), "lines", lines, "cadence", cadence.id()),
                links.url(currentTenant.get(), member, UnsubscribeLinks.EVERY_DIGEST));
        return true;
    }

    private java.util.Optional<OffsetDateTime> lastDigest(UUID member, EmailCadence cadence) {
        return NativeQueries.rows(
                        em,
                        "select last_sent_at from notification_digest where member_id = ?1 and cadence = ?2",
                        member,
                        cadence.id())
                .stream()
                .findFirst()
                .map(row -> NativeQueries.dateTime(row[0]));
    }
}
