package dev.atrium.platform.live;

import dev.atrium.platform.tenancy.domain.TenantMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The live event log in every tenant schema: {@code db/tenant/live}. */
@ApplicationScoped
public class LiveMigrations implements TenantMigrations {

    @Override
    public String module() {
        return "live";
    }

    /** A day's worth of deliveries to sockets: transient, and rebuilt by nothing; an export has no use for it. */
    @Override
    public List<String> unexportedTables() {
        return List.of("live_event", "live_stream");
    }
}
