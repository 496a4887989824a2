package dev.atrium.platform.export;

import dev.atrium.platform.jobs.JobHandler;
import dev.atrium.platform.jobs.JobRun;
import dev.atrium.platform.media.Media;
import dev.atrium.platform.media.MediaItem;
import dev.atrium.platform.media.ObjectStorage;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds an export: the tables (half of the progress), the media files (most of the rest), a manifest, then the zip
 * goes to storage. Built in a temporary file, never in memory; a repeated run of a finished export does nothing.
 */
@ApplicationScoped
public class TenantExportJob implements JobHandler<TenantExportJob.Request> {

    static final String KIND = "tenancy.export";
    private static final Logger LOG = Logger.getLogger(TenantExportJob.class.getName());

    /** The job's data. */
    public record Request(UUID exportId) {}

    @Inject
    TenantExports exports;

    @Inject
    ExportTables tables;

    @Inject
    Media media;

    @Inject
    ObjectStorage storage;

    @Inject
    CurrentTenant currentTenant;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Request> data() {
        return Request.class;
    }

    @Override
    public int maxAttempts() {
        return 3;
    }

    @Override
    public void run(Request request, JobRun run) throws Exception {
        UUID id = request.exportId();
        if (exports.begin(id).isEmpty()) {
            return;
        }
        TenantRef tenant = currentTenant.get();
        Path zipFile = Files.createTempFile("atrium-export-", ".zip");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(zipFile))) {
                ExportTables.Plan plan = tables.plan();
                JsonObjectBuilder rows = Json.createObjectBuilder();
                int done = 0;
                for (Map.Entry<String, String> file : plan.files().entrySet()) {
                    rows.add(file.getKey(), tables.write(file.getKey(), file.getValue(), zip));
                    exports.at(id, 5 + 45 * ++done / plan.files().size());
                }
                List<MediaItem> files = media.ready();
                for (int i = 0; i < files.size(); i++) {
                    MediaItem item = files.get(i);
                    zip.putNextEntry(new ZipEntry("media/" + item.id() + "/" + safeName(item.filename())));
                    media.copyOriginal(item, zip);
                    zip.closeEntry();
                    exports.at(id, 50 + 45 * (i + 1) / files.size());
                }
                zip.putNextEntry(new ZipEntry("manifest.json"));
                write(
                        zip,
                        Json.createObjectBuilder()
                                .add("tenant", tenant.slug().value())
                                .add("name", tenant.name())
                                .add("exportedAt", OffsetDateTime.now().toString())
                                .add("rows", rows)
                                .add("mediaFiles", files.size())
                                .add("unclaimedTables", Json.createArrayBuilder(plan.unclaimed()))
                                .build()
                                .toString());
                zip.closeEntry();
                if (!plan.unclaimed().isEmpty()) {
                    LOG.warning(() -> "Export " + id + " found tables no module declares: " + plan.unclaimed());
                }
            }
            storage.put(TenantExport.key(tenant.id(), id), zipFile, "application/zip");
            exports.ready(id, Files.size(zipFile));
        } catch (IOException | RuntimeException failure) {
            if (run.attempt() >= maxAttempts()) {
                exports.failed(id, failure.getClass().getSimpleName() + ": " + failure.getMessage());
                return;
            }
            throw failure;
        } finally {
            Files.deleteIfExists(zipFile);
        }
    }

    /** A file name as a zip entry's last part: no folders, no parent references. */
    static String safeName(String filename) {
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replace("..", "_");
        return name.isBlank() ? "file" : name;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
