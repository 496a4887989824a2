package dev.atrium.platform.media;

import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.persistence.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** One uploaded file of a tenant: what it is, where its processing stands, and what owns it. */
@Entity
@Table(name = "media")
public class MediaItem {

    /** Where a medium is in its life. */
    public enum Status {
        AWAITING_UPLOAD,
        PENDING,
        PROCESSING,
        READY,
        FAILED;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Status of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public static final String ORIGINAL = "original";

    /** Where a signed upload lands until its completion has checked it; never served. */
    static final String STAGED_UPLOAD = "upload";

    @Id
    private UUID id;

    @Column(nullable = false)
    private String kind;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(nullable = false)
    private String filename;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "stored_bytes", nullable = false)
    private long storedBytes;

    @Column(nullable = false)
    private String visibility;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private int progress;

    private String failure;
    private String note;
    private Integer width;
    private Integer height;

    @Column(name = "duration_ms")
    private Long durationMs;

    @Column(nullable = false)
    private String variants = "";

    @Column(name = "owner_module")
    private String ownerModule;

    @Column(name = "owner_type")
    private String ownerType;

    @Column(name = "owner_id")
    private String ownerId;

    @Column(name = "uploaded_by")
    @Convert(converter = NullableUuid.class)
    private UUID uploadedBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "attached_at")
    private OffsetDateTime attachedAt;

    @Version
    private long version;

    protected MediaItem() {}

    MediaItem(
            MediaKind kind,
            String contentType,
            String filename,
            long sizeBytes,
            boolean publicly,
            Status status,
            UUID uploadedBy,
            OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.kind = kind.id();
        this.contentType = contentType;
        this.filename = filename;
        this.sizeBytes = sizeBytes;
        this.storedBytes = sizeBytes;
        this.visibility = publicly ? "public" : "private";
        this.status = status.id();
        this.uploadedBy = uploadedBy;
        this.createdAt = now;
    }

    /** The original's bytes are in storage: documents are ready, everything else waits for processing. */
    void stored() {
        requireStatus(Status.AWAITING_UPLOAD, Status.PENDING);
        this.status = kind().isProcessed() ? Status.PENDING.id() : Status.READY.id();
        this.progress = kind().isProcessed() ? 0 : 100;
    }

    void processing(int percent) {
        this.status = Status.PROCESSING.id();
        this.progress = Math.max(0, Math.min(percent, 99));
    }

    void ready(Integer width, Integer height, Long durationMs, List<String> variants, long storedBytes, String note) {
        this.note = note;
        this.status = Status.READY.id();
        this.progress = 100;
        this.width = width;
        this.height = height;
        this.durationMs = durationMs;
        this.variants = String.join(",", variants);
        this.storedBytes = storedBytes;
        this.failure = null;
    }

    void failed(String reason) {
        this.status = Status.FAILED.id();
        this.failure = reason;
    }

    /** Gives the medium to its owner; once owned it cannot move to another (it would leave the first one's page). */
    void attach(MediaOwner owner, OffsetDateTime now) {
        if (ownerId != null && !owner().equals(owner)) {
            throw new ConflictException(
                    "media-already-attached",
                    "Media already attached",
                    "This medium already belongs to something else.");
        }
        if (status() == Status.AWAITING_UPLOAD || status() == Status.FAILED) {
            throw new ConflictException(
                    "media-not-usable",
                    "Media not usable",
                    "A medium that was never uploaded, or whose processing failed, cannot be attached.");
        }
        this.ownerModule = owner.module();
        this.ownerType = owner.type();
        this.ownerId = owner.id();
        this.attachedAt = now;
    }

    private void requireStatus(Status... allowed) {
        if (!Arrays.asList(allowed).contains(status())) {
            throw new ConflictException(
                    "media-status-conflict", "Media status conflict", "The medium is " + status().id() + ".");
        }
    }

    /** Where its objects are: {@code t/<tenant>/m/<id>/}, under the tenant so a tenant's purge is one prefix. */
    static String prefix(UUID tenantId, UUID mediaId) {
        return "t/" + tenantId + "/m/" + mediaId + "/";
    }

    /** Where the API serves a public medium's bytes, below the tenant's API root ({@code /t/<slug>/api/v1}). */
    public String contentPath() {
        return "/media/" + id + "/content";
    }

    String key(UUID tenantId, String variant) {
        return prefix(tenantId, id) + variant;
    }

    public boolean hasVariant(String variant) {
        return ORIGINAL.equals(variant) || variants().contains(variant);
    }

    public UUID id() {
        return id;
    }

    public MediaKind kind() {
        return MediaKind.fromId(kind);
    }

    public String contentType() {
        return contentType;
    }

    public String filename() {
        return filename;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public long storedBytes() {
        return storedBytes;
    }

    public boolean isPublic() {
        return "public".equals(visibility);
    }

    public Status status() {
        return Status.of(status);
    }

    public int progress() {
        return progress;
    }

    public String failure() {
        return failure;
    }

    /** What processing could not do for this file (a poster, a duration), if anything. */
    public String note() {
        return note;
    }

    public Integer width() {
        return width;
    }

    public Integer height() {
        return height;
    }

    public Long durationMs() {
        return durationMs;
    }

    public List<String> variants() {
        return variants.isEmpty() ? List.of() : List.of(variants.split(","));
    }

    public MediaOwner owner() {
        return ownerId == null ? null : new MediaOwner(ownerModule, ownerType, ownerId);
    }

    /** The member who uploaded it; null for the platform's own uploads (tenants as code). */
    public UUID uploadedBy() {
        return uploadedBy;
    }

    public boolean uploadedBy(UUID member) {
        return member != null && member.equals(uploadedBy);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
