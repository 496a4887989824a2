package dev.atrium.platform.export;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One export of a tenant's data: requested, built by a job, ready for download until it expires. */
@Entity
@Table(name = "tenant_export")
public class TenantExport {

    @Id
    private UUID id;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private OffsetDateTime requestedAt;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private int progress;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    private String failure;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    protected TenantExport() {}

    TenantExport(String requestedBy, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.status = "pending";
    }

    void running(int percent) {
        status = "running";
        progress = Math.max(0, Math.min(percent, 99));
    }

    void ready(long size, OffsetDateTime now, OffsetDateTime expires) {
        status = "ready";
        progress = 100;
        sizeBytes = size;
        finishedAt = now;
        expiresAt = expires;
    }

    void failed(String reason, OffsetDateTime now) {
        status = "failed";
        failure = reason;
        finishedAt = now;
    }

    void expired() {
        status = "expired";
    }

    public boolean isReady() {
        return "ready".equals(status);
    }

    public boolean isFinished() {
        return isReady() || "failed".equals(status) || "expired".equals(status);
    }

    /** Where the zip is: beside the tenant's media, under its prefix (purged with the tenant). */
    static String key(UUID tenantId, UUID exportId) {
        return "t/" + tenantId + "/exports/" + exportId + ".zip";
    }

    public UUID id() {
        return id;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public String status() {
        return status;
    }

    public int progress() {
        return progress;
    }

    public Long sizeBytes() {
        return sizeBytes;
    }

    public String failure() {
        return failure;
    }

    public OffsetDateTime finishedAt() {
        return finishedAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
