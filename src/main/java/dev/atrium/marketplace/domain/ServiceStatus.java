package dev.atrium.marketplace.domain;

/**
 * A service's life: drafted by its professional, active (listed and orderable), paused (seen, not listed, not
 * orderable) and published again, or archived for good.
 */
public enum ServiceStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    ARCHIVED
}
