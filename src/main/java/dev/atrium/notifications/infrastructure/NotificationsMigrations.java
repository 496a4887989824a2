package dev.atrium.notifications.infrastructure;

import dev.atrium.platform.tenancy.domain.TenantMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The notifications module's tables in every tenant schema: {@code db/tenant/notifications}. */
@ApplicationScoped
public class NotificationsMigrations implements TenantMigrations {

    @Override
    public String module() {
        return "notifications";
    }

    @Override
    public List<String> exportedTables() {
        return List.of("notification", "notification_preference", "notification_digest");
    }

    /** A subscription's keys let anyone who holds them push to the member's device. */
    @Override
    public List<String> unexportedTables() {
        return List.of("push_subscription");
    }
}
