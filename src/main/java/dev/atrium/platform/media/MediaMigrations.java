package dev.atrium.platform.media;

import dev.atrium.platform.tenancy.domain.TenantMigrations;
import jakarta.enterprise.context.ApplicationScoped;

/** The media table in every tenant schema: {@code db/tenant/media}. */
@ApplicationScoped
public class MediaMigrations implements TenantMigrations {

    @Override
    public String module() {
        return "media";
    }

    @Override
    public int order() {
        return 10;
    }

    /** The rows; the files themselves go into the export's media/ folder. */
    @Override
    public java.util.List<String> exportedTables() {
        return java.util.List.of("media");
    }
}
