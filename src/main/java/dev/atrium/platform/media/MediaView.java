package dev.atrium.platform.media;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A medium as the API shows it.
 *
 * @param contentUrl where the original is served, for public media (cacheable, ranges); null for private media,
 *     whose short-lived URLs come from {@code GET /media/{id}/url}
 */
public record MediaView(
        UUID id,
        String kind,
        String contentType,
        String filename,
        long sizeBytes,
        String visibility,
        String status,
        int progress,
        String failure,
        String note,
        Integer width,
        Integer height,
        Long durationMs,
        List<String> variants,
        MediaOwner owner,
        UUID uploadedBy,
        OffsetDateTime createdAt,
        String contentUrl) {

    static MediaView of(MediaItem item, String tenantPath) {
        return new MediaView(
                item.id(),
                item.kind().id(),
                item.contentType(),
                item.filename(),
                item.sizeBytes(),
                item.isPublic() ? "public" : "private",
                item.status().id(),
                item.progress(),
                item.failure(),
                item.note(),
                item.width(),
                item.height(),
                item.durationMs(),
                item.variants(),
                item.owner(),
                item.uploadedBy(),
                item.createdAt(),
                item.isPublic() ? tenantPath + item.contentPath() : null);
    }
}
