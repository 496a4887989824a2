package dev.atrium.notifications.application;

import dev.atrium.identity.MemberRemoved;
import dev.atrium.identity.Members;
import dev.atrium.identity.Members.MemberContact;
import dev.atrium.notifications.Notice;
import dev.atrium.notifications.NotificationKind;
import dev.atrium.notifications.NotificationKind.Channels;
import dev.atrium.notifications.NotificationKind.EmailCadence;
import dev.atrium.notifications.Notifications;
import dev.atrium.notifications.domain.Notification;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.live.Live;
import dev.atrium.platform.outbox.Outbox;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Raising notifications (the published {@link Notifications}) and the member's notification centre. A member is
 * only ever told about objects they can see: recipients who cannot are skipped when it is raised, and what they can
 * no longer see is left out of their centre, their unread count, their e-mails and pushes.
 */
@ApplicationScoped
public class NotificationCentre implements Notifications {

    @Inject
    NotificationStore store;

    @Inject
    Preferences preferences;

    @Inject
    NotificationCatalogue catalogue;

    @Inject
    NotificationTexts texts;

    @Inject
    Members members;

    @Inject
    Live live;

    @Inject
    Outbox outbox;

    @Inject
    Now now;

    @Inject
    UnsubscribeLinks links;

    @Inject
    dev.atrium.platform.tenancy.application.CurrentTenant currentTenant;

    @Override
    @TenantTransactional
    public void raise(Notice notice) {
        NotificationKind kind = catalogue.kind(notice.type());
        if (!currentTenant.get().hasEnabled(dev.atrium.platform.tenancy.domain.TenantModule.NOTIFICATIONS)) {
            return;
        }
        Set<UUID> recipients = new HashSet<>(notice.recipients());
        recipients.remove(notice.actorId());
        recipients.retainAll(visibleAmong(
                recipients, notice.subject().kind(), notice.subject().id()));
        if (recipients.isEmpty()) {
            return;
        }
        Map<String, String> params = new LinkedHashMap<>(notice.values());
        if (notice.actorId() != null) {
            members.find(notice.actorId()).ifPresent(actor -> params.put("actor", actor.displayName()));
        }
        for (UUID recipient : recipients) {
            MemberContact contact = members.contact(recipient).orElse(null);
            if (contact == null) {
                continue;
            }
            Channels channels = preferences.effective(recipient, kind, contact.roles());
            if (!channels.inApp() && channels.email() == EmailCadence.OFF && !channels.push()) {
                continue;
            }
            Notification notification = new Notification(
                    UUID.randomUUID(),
                    recipient,
                    kind.type(),
                    notice.actorId(),
                    notice.subject().kind(),
                    notice.subject().id(),
                    notice.subject().link(),
                    params,
                    now.dateTime(),
                    null,
                    channels,
                    null);
            store.add(notification);
            if (channels.inApp()) {
                String locale = contact.locale() != null
                        ? contact.locale()
                        : currentTenant.get().branding().locale();
                live.publish("notification.created", List.of(recipient), view(notification, locale));
            }
            if (channels.email() == EmailCadence.IMMEDIATELY || channels.push()) {
                outbox.publish(new NotificationRaised(notification.id()));
            }
        }
    }

    /** The caller's centre, newest first; notifications about objects they can no longer see are left out. */
    @TenantTransactional
    public Page<NotificationView> mine(boolean unreadOnly, PageRequest page) {
        UUID me = members.current().id();
        List<Notification> found = store.centre(me, unreadOnly, page.offset(), page.size());
        List<Notification> shown =
                stillVisible(me, found.stream().limit(page.size()).toList());
        String locale = locale(me);
        List<NotificationView> items = shown.stream().map(n -> view(n, locale)).toList();
        return Page.of(items, page, store.count(me, unreadOnly));
    }

    @TenantTransactional
    public long unread() {
        UUID me = members.current().id();
        return stillVisible(me, store.unread(me)).size();
    }

    @TenantTransactional
    public void markRead(UUID id) {
        UUID me = members.current().id();
        if (!store.markRead(me, id, now.dateTime())) {
            throw notFound(id);
        }
        live.publish("notification.read", List.of(me), Map.of("id", id.toString()));
    }

    @TenantTransactional
    public int markAllRead() {
        UUID me = members.current().id();
        int read = store.markAllRead(me, now.dateTime());
        live.publish("notification.read", List.of(me), Map.of("all", true));
        return read;
    }

    @TenantTransactional
    public void delete(UUID id) {
        if (!store.delete(members.current().id(), id)) {
            throw notFound(id);
        }
    }

    /** Every kind with the caller's channels for it, and whether they chose them or they are the defaults. */
    @TenantTransactional
    public List<PreferenceView> preferences() {
        UUID me = members.current().id();
        MemberContact contact = members.contact(me).orElseThrow();
        Map<String, Channels> chosen = preferences.chosen(me);
        List<PreferenceView> views = new ArrayList<>();
        for (NotificationKind kind : catalogue.kinds()) {
            Channels channels = chosen.getOrDefault(kind.type(), kind.defaultsFor(contact.roles()));
            views.add(PreferenceView.of(kind.type(), channels, !chosen.containsKey(kind.type())));
        }
        return views;
    }

    @TenantTransactional
    public PreferenceView choose(String type, Channels channels) {
        NotificationKind kind = catalogue.named(type);
        UUID me = members.current().id();
        preferences.choose(me, kind.type(), channels, now.dateTime());
        if (channels.email() == EmailCadence.OFF) {
            store.skipPendingEmail(me, kind.type(), now.dateTime());
        }
        return PreferenceView.of(kind.type(), channels, false);
    }

    /** A member's channels for a kind, as the preferences API shows and takes them. */
    public record PreferenceView(String type, boolean inApp, String email, boolean push, boolean isDefault) {

        static PreferenceView of(String type, Channels channels, boolean isDefault) {
            return new PreferenceView(type, channels.inApp(), channels.email().id(), channels.push(), isDefault);
        }
    }

    /** What an unsubscribe link stops: for the page that confirms it. */
    public record Unsubscribing(String brand, String what) {}

    /** What a link stops, without changing anything (a link scanner's GET). */
    @TenantTransactional
    public Unsubscribing unsubscribing(String token) {
        UnsubscribeLinks.Unsubscription unsubscription = links.read(currentTenant.get(), token);
        return new Unsubscribing(currentTenant.get().branding().displayName(), describe(unsubscription.type()));
    }

    /**
     * Stops the e-mails the link names: one kind (its e-mail set to off, its other channels kept), or every kind
     * that goes into digests. Repeating it changes nothing more.
     */
    @TenantTransactional
    public Unsubscribing unsubscribe(String token) {
        UnsubscribeLinks.Unsubscription unsubscription = links.read(currentTenant.get(), token);
        store.skipPendingEmail(unsubscription.memberId(), unsubscription.type(), now.dateTime());
        members.contact(unsubscription.memberId()).ifPresent(member -> {
            for (NotificationKind kind : catalogue.kinds()) {
                Channels channels = preferences.effective(member.id(), kind, member.roles());
                boolean named = unsubscription.type().equals(kind.type())
                        || (unsubscription.type().equals(UnsubscribeLinks.EVERY_DIGEST)
                                && (channels.email() == EmailCadence.DAILY || channels.email() == EmailCadence.WEEKLY));
                if (named && channels.email() != EmailCadence.OFF) {
                    preferences.choose(
                            member.id(),
                            kind.type(),
                            new Channels(channels.inApp(), EmailCadence.OFF, channels.push()),
                            now.dateTime());
                }
            }
        });
        return new Unsubscribing(currentTenant.get().branding().displayName(), describe(unsubscription.type()));
    }

    private String describe(String type) {
        return type.equals(UnsubscribeLinks.EVERY_DIGEST)
                ? "notification digests"
                : texts.render(type + ".label", "en", Map.of());
    }

    /** A removed member's notifications, choices and devices go with them. */
    void onRemoved(@Observes MemberRemoved removed) {
        store.forget(removed.memberId());
    }

    NotificationView view(Notification notification, String locale) {
        return new NotificationView(
                notification.id(),
                notification.type(),
                texts.render(notification.type(), locale, notification.params()),
                notification.actorId(),
                notification.subjectKind(),
                notification.subjectId(),
                notification.link(),
                notification.createdAt(),
                notification.readAt());
    }

    /** Those of the notifications whose object the member can still see, in their order. */
    List<Notification> stillVisible(UUID member, List<Notification> notifications) {
        Map<String, Set<String>> idsByKind = new HashMap<>();
        notifications.forEach(n ->
                idsByKind.computeIfAbsent(n.subjectKind(), k -> new HashSet<>()).add(n.subjectId()));
        Map<String, Set<String>> visible = new HashMap<>();
        idsByKind.forEach((kind, ids) -> visible.put(kind, catalogue.visible(member, kind, ids)));
        return notifications.stream()
                .filter(n -> visible.get(n.subjectKind()).contains(n.subjectId()))
                .collect(Collectors.toList());
    }

    private Set<UUID> visibleAmong(Collection<UUID> recipients, String kind, String id) {
        Set<UUID> visible = new HashSet<>();
        for (UUID recipient : recipients) {
            if (catalogue.visible(recipient, kind, List.of(id)).contains(id)) {
                visible.add(recipient);
            }
        }
        return visible;
    }

    /** The member's language, else the tenant's. */
    String locale(UUID member) {
        return members.contact(member)
                .map(MemberContact::locale)
                .orElseGet(() -> currentTenant.get().branding().locale());
    }

    private static ResourceNotFoundException notFound(UUID id) {
        return new ResourceNotFoundException("There is no notification " + id + ".");
    }
}
