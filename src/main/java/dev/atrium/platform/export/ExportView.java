package dev.atrium.platform.export;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An export as the API shows it.
 *
 * @param downloadUrl a signed link to the zip, valid until {@code downloadUrlExpiresAt}; only while it is ready
 */
public record ExportView(
        UUID id,
        String status,
        int progress,
        String requestedBy,
        OffsetDateTime requestedAt,
        OffsetDateTime finishedAt,
        Long sizeBytes,
        String failure,
        OffsetDateTime expiresAt,
        String downloadUrl,
        Instant downloadUrlExpiresAt) {}
