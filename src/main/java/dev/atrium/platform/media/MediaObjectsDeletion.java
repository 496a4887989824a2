package dev.atrium.platform.media;

import dev.atrium.platform.jobs.JobHandler;
import dev.atrium.platform.jobs.JobRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Deletes objects under a prefix (a medium's, or a deleted tenant's), in a job: storage is not transactional, so the
 * row goes in the use case's transaction and the bytes follow, retried until storage has let them go.
 */
@ApplicationScoped
public class MediaObjectsDeletion implements JobHandler<MediaObjectsDeletion.Request> {

    public static final String KIND = "media.delete-objects";

    /**
     * The job's data: the prefix, always {@code t/<tenant id>/...}, and for a deleted tenant the moment of its
     * deletion (a later tenant of the same slug keeps the directory id, and its own objects are newer).
     */
    public record Request(String prefix, java.time.Instant writtenBefore) {

        public static Request of(String prefix) {
            return new Request(prefix, null);
        }

        public static Request tenant(java.util.UUID tenantId, java.time.Instant deletedAt) {
            return new Request("t/" + tenantId + "/", deletedAt);
        }
    }

    @Inject
    ObjectStorage storage;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Class<Request> data() {
        return Request.class;
    }

    @Override
    public void run(Request request, JobRun run) throws Exception {
        if (!request.prefix().startsWith("t/") || request.prefix().length() < 10) {
            throw new IllegalArgumentException("Refusing to delete objects under '" + request.prefix() + "'");
        }
        storage.deletePrefix(request.prefix(), request.writtenBefore());
    }

    @Override
    public int maxAttempts() {
        return 8;
    }
}
