package dev.atrium.platform.export;

import dev.atrium.platform.media.ObjectStorage;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** An export's view with a freshly signed download link when it is ready. */
@ApplicationScoped
public class ExportDownloads {

    private static final Duration LINK_VALID_FOR = Duration.ofMinutes(15);

    @Inject
    ObjectStorage storage;

    @Inject
    CurrentTenant currentTenant;

    ExportView view(TenantExport export) {
        ObjectStorage.PresignedRequest link = export.isReady()
                ? storage.presignGet(
                        TenantExport.key(currentTenant.get().id(), export.id()),
                        currentTenant.get().slug() + "-export-"
                                + export.requestedAt().toLocalDate() + ".zip",
                        LINK_VALID_FOR)
                : null;
        return new ExportView(
                export.id(),
                export.status(),
                export.progress(),
                export.requestedBy(),
                export.requestedAt(),
                export.finishedAt(),
                export.sizeBytes(),
                export.failure(),
                export.expiresAt(),
                link == null ? null : link.url().toString(),
                link == null ? null : link.expiresAt());
    }
}
