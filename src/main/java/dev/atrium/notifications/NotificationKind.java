package dev.atrium.notifications;

import dev.atrium.platform.security.TenantRole;
import java.util.Map;
import java.util.Set;

/**
 * A kind of notification a module raises, with the channels it goes to until a member chooses otherwise. Its text
 * is the {@code type} key of {@code notifications/texts.properties} (and its translations).
 *
 * @param defaults the channels for members of any role
 * @param byRole channels for members holding one of these roles instead (the first listed role the member holds)
 */
public record NotificationKind(String type, Channels defaults, Map<TenantRole, Channels> byRole) {

    public static NotificationKind of(String type, Channels defaults) {
        return new NotificationKind(type, defaults, Map.of());
    }

    /** The channels for a member with these roles. */
    public Channels defaultsFor(Set<TenantRole> roles) {
        for (TenantRole role : TenantRole.values()) {
            if (roles.contains(role) && byRole.containsKey(role)) {
                return byRole.get(role);
            }
        }
        return defaults;
    }

    /** Where a notification goes: the centre, e-mail (and when), Web Push. */
    public record Channels(boolean inApp, EmailCadence email, boolean push) {}

    /** E-mail: never, at once, or gathered into a daily or weekly digest. */
    public enum EmailCadence {
        OFF,
        IMMEDIATELY,
        DAILY,
        WEEKLY;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static EmailCadence fromId(String id) {
            return dev.atrium.platform.api.EnumIds.fromId(EmailCadence.class, id, "email");
        }
    }
}
