package dev.atrium.notifications.application;

import dev.atrium.identity.Members;
import dev.atrium.notifications.domain.Notification;
import dev.atrium.notifications.infrastructure.VapidKeys;
import dev.atrium.notifications.infrastructure.WebPushService;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Members' browsers and devices subscribed to Web Push, and pushing a notification to them. A subscription the push
 * service says is gone (404, 410) is dropped; one that fails five times in a row too.
 */
@ApplicationScoped
public class PushDevices {

    private static final Logger LOG = Logger.getLogger(PushDevices.class.getName());
    private static final int FAILURES_BEFORE_DROPPING = 5;
    private static final int MAX_DEVICES = 20;

    /** How long a push service keeps a message for a device that is offline. */
    private static final Duration TIME_TO_LIVE = Duration.ofDays(1);

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    Members members;

    @Inject
    NotificationStore store;

    @Inject
    NotificationCentre centre;

    @Inject
    NotificationTexts texts;

    @Inject
    WebPushService webPush;

    @Inject
    VapidKeys vapid;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Now now;

    /** Push services are reached over https; plain http only on a development machine (a local test service). */
    @Inject
    @ConfigProperty(name = "atrium.development-mode", defaultValue = "false")
    boolean developmentMode;

    /** A device as its member sees it. */
    public record Device(
            UUID id, String endpoint, String userAgent, OffsetDateTime createdAt, OffsetDateTime lastPushedAt) {}

    /** For members only, like everything here (the tenant gate checks). */
    @TenantTransactional
    public String applicationServerKey() {
        return vapid.publicKey();
    }

    /** Subscribes the caller's device (the same endpoint again updates its keys). */
    @TenantTransactional
    public Device subscribe(String endpoint, String p256dh, String auth, String userAgent) {
        requirePushEndpoint(endpoint);
        requireKey("keys.p256dh", p256dh, 65);
        requireKey("keys.auth", auth, 16);
        UUID me = members.current().id();
        long held = ((Number) NativeQueries.rows(em, "select count(*) from push_subscription where member_id = ?1", me)
                        .get(0)[0])
                .longValue();
        if (held >= MAX_DEVICES) {
            throw new dev.atrium.platform.errors.ConflictException(
                    "too-many-devices",
                    "Too many devices",
                    "A member subscribes at most " + MAX_DEVICES + " devices; remove one first.");
        }
        List<Object[]> saved = NativeQueries.rows(
                em,
                "insert into push_subscription (id, member_id, endpoint, p256dh, auth, user_agent, created_at)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (endpoint) do update set member_id ="
                        + " excluded.member_id, p256dh = excluded.p256dh, auth = excluded.auth, user_agent ="
                        + " excluded.user_agent, failures = 0 where push_subscription.member_id = excluded.member_id"
                        + " returning id, created_at",
                UUID.randomUUID(),
                me,
                endpoint,
                p256dh,
                auth,
                userAgent,
                now.dateTime());
        return new Device(
                NativeQueries.uuid(saved.get(0)[0]),
                endpoint,
                userAgent,
                NativeQueries.dateTime(saved.get(0)[1]),
                null);
    }

    @TenantTransactional
    public List<Device> mine() {
        return NativeQueries.rows(
                        em,
                        "select id, endpoint, user_agent, created_at, last_pushed_at from push_subscription"
                                + " where member_id = ?1 order by created_at",
                        members.current().id())
                .stream()
                .map(row -> new Device(
                        NativeQueries.uuid(row[0]),
                        (String) row[1],
                        (String) row[2],
                        NativeQueries.dateTime(row[3]),
                        row[4] == null ? null : NativeQueries.dateTime(row[4])))
                .toList();
    }

    @TenantTransactional
    public void unsubscribe(UUID id) {
        if (NativeQueries.execute(
                        em,
                        "delete from push_subscription where id = ?1 and member_id = ?2",
                        id,
                        members.current().id())
                == 0) {
            throw new ResourceNotFoundException("There is no push subscription " + id + ".");
        }
    }

    /** What one notification's push sends, and to which devices. */
    public record Push(String payload, List<Device> devices, List<WebPushService.Subscription> subscriptions) {}

    /**
     * Claims a notification's push (once: a repeated delivery finds it claimed) and answers what to send where; empty
     * when there is nothing to push. The sending itself happens outside any transaction ({@link #send}).
     */
    @TenantTransactional
    public java.util.Optional<Push> claim(UUID notificationId) {
        Notification notification = store.find(notificationId).orElse(null);
        if (notification == null
                || !notification.channels().push()
                || !store.claimPush(notificationId, now.dateTime())) {
            return java.util.Optional.empty();
        }
        if (centre.stillVisible(notification.memberId(), List.of(notification)).isEmpty()) {
            return java.util.Optional.empty();
        }
        String locale = centre.locale(notification.memberId());
        String payload = Json.createObjectBuilder()
                .add("id", notification.id().toString())
                .add("type", notification.type())
                .add("title", currentTenant.get().branding().displayName())
                .add("body", texts.render(notification.type(), locale, notification.params()))
                .add("link", notification.link() == null ? "" : notification.link())
                .build()
                .toString();
        List<Device> devices = new java.util.ArrayList<>();
        List<WebPushService.Subscription> subscriptions = new java.util.ArrayList<>();
        for (Object[] row : NativeQueries.rows(
                em,
                "select id, endpoint, p256dh, auth from push_subscription where member_id = ?1",
                notification.memberId())) {
            devices.add(new Device(NativeQueries.uuid(row[0]), (String) row[1], null, null, null));
            subscriptions.add(new WebPushService.Subscription((String) row[1], (String) row[2], (String) row[3]));
        }
        return java.util.Optional.of(new Push(payload, devices, subscriptions));
    }

    /** Sends to each device (no transaction is held while push services answer) and answers their statuses. */
    public int[] send(Push push) {
        int[] statuses = new int[push.devices().size()];
        for (int i = 0; i < statuses.length; i++) {
            try {
                statuses[i] = webPush.send(push.subscriptions().get(i), push.payload(), TIME_TO_LIVE);
            } catch (Exception unreachable) {
                LOG.log(
                        Level.FINE,
                        "Push service unreachable for device "
                                + push.devices().get(i).id(),
                        unreachable);
                statuses[i] = -1;
            }
        }
        return statuses;
    }

    /** Keeps what the push services said: delivered, gone (dropped), or failing (dropped after five times). */
    @TenantTransactional
    public void recorded(Push push, int[] statuses) {
        for (int i = 0; i < statuses.length; i++) {
            recordOutcome(push.devices().get(i).id(), statuses[i]);
        }
    }

    private void recordOutcome(UUID device, int status) {
        if (status >= 200 && status < 300) {
            NativeQueries.execute(
                    em,
                    "update push_subscription set last_pushed_at = ?2, failures = 0 where id = ?1",
                    device,
                    now.dateTime());
        } else if (status == 404 || status == 410) {
            NativeQueries.execute(em, "delete from push_subscription where id = ?1", device);
        } else {
            NativeQueries.execute(em, "update push_subscription set failures = failures + 1 where id = ?1", device);
            NativeQueries.execute(
                    em,
                    "delete from push_subscription where id = ?1 and failures >= ?2",
                    device,
                    FAILURES_BEFORE_DROPPING);
        }
    }

    private void requirePushEndpoint(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint == null ? "" : endpoint);
        } catch (IllegalArgumentException malformed) {
            uri = null;
        }
        boolean secure = uri != null
                && "https".equals(uri.getScheme())
                && uri.getHost() != null
                && (developmentMode || isPublic(uri.getHost()));
        boolean local = uri != null && developmentMode && "http".equals(uri.getScheme()) && uri.getHost() != null;
        if (!secure && !local) {
            throw new InvalidRequestException(
                    "invalid-push-endpoint",
                    "Invalid push endpoint",
                    "A subscription's endpoint is the https URL the browser's PushManager gave.");
        }
    }

    /**
     * Push services are on the internet: an endpoint naming this machine or a private network would make the server
     * send requests inside its own network on a member's behalf.
     */
    private static boolean isPublic(String host) {
        try {
            for (java.net.InetAddress address : java.net.InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress()
                        || address.isSiteLocalAddress()
                        || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress()
                        || address.isMulticastAddress()) {
                    return false;
                }
            }
            return true;
        } catch (java.net.UnknownHostException unknown) {
            return false;
        }
    }

    private static void requireKey(String field, String value, int bytes) {
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(value == null ? "" : value.replace("=", ""));
        } catch (IllegalArgumentException notBase64) {
            decoded = new byte[0];
        }
        if (decoded.length != bytes) {
            throw new InvalidRequestException(
                    "invalid-push-keys",
                    "Invalid push keys",
                    field + " is the subscription's key from the browser, " + bytes + " bytes in base64url.");
        }
    }
}
