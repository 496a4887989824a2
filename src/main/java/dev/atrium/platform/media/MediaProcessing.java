package dev.atrium.platform.media;

import dev.atrium.platform.jobs.JobHandler;
import dev.atrium.platform.jobs.JobRun;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Processes an uploaded medium in a job: images get their variants and lose their metadata, video and audio get their
 * duration (and video a poster). Progress is written as it goes, so the owning module can show it; a file that
 * cannot be processed ends {@code failed} with the reason, never {@code ready} without what ready promises.
 */
@ApplicationScoped
public class MediaProcessing implements JobHandler<MediaProcessing.Request> {

    static final String KIND = "media.process";
    private static final Logger LOG = Logger.getLogger(MediaProcessing.class.getName());

    /** The job's data. */
    public record Request(UUID mediaId) {}

    @Inject
    MediaProgress progress;

    @Inject
    ObjectStorage storage;

    @Inject
    ImageVariants images;

    @Inject
    TimedMedia timed;

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
        return 4;
    }

    @Override
    public void run(Request request, JobRun run) throws Exception {
        MediaItem item = progress.begin(request.mediaId()).orElse(null);
        if (item == null) {
            return;
        }
        UUID tenant = currentTenant.get().id();
        Path work = Files.createTempDirectory("atrium-media-");
        try {
            Path original = work.resolve("original");
            storage.download(item.key(tenant, MediaItem.ORIGINAL), original);
            progress.at(item.id(), 20);
            Processed processed =
                    switch (item.kind()) {
                        case IMAGE ->
                            images.process(item, original, work, tenant, percent -> progress.at(item.id(), percent));
                        case VIDEO, AUDIO -> timed.process(item, original, work, tenant);
                        case DOCUMENT -> new Processed(null, null, null, java.util.List.of(), item.sizeBytes());
                    };
            if (!progress.ready(item.id(), processed)) {
                // Deleted while it was processed: the deletion job may have run before the variants were written.
                storage.deletePrefix(MediaItem.prefix(tenant, item.id()), null);
            }
        } catch (UnprocessableMediaException unprocessable) {
            LOG.info(() -> "Medium " + item.id() + " cannot be processed: " + unprocessable.getMessage());
            progress.failed(item.id(), unprocessable.getMessage());
        } catch (IOException | RuntimeException failure) {
            if (run.attempt() >= maxAttempts()) {
                progress.failed(item.id(), "processing failed: " + failure.getMessage());
                return;
            }
            throw failure;
        } finally {
            deleteTree(work);
        }
    }

    /** What processing found and made, and what it could not do ({@code note}). */
    record Processed(
            Integer width,
            Integer height,
            Long durationMs,
            java.util.List<String> variants,
            long storedBytes,
            String note) {

        Processed(Integer width, Integer height, Long durationMs, java.util.List<String> variants, long storedBytes) {
            this(width, height, durationMs, variants, storedBytes, null);
        }

        Processed noting(String what) {
            return new Processed(width, height, durationMs, variants, storedBytes, what);
        }
    }

    private static void deleteTree(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // Temporary files the operating system cleans up.
        }
    }
}
