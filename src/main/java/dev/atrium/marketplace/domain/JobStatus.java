package dev.atrium.marketplace.domain;

/** A job's life: drafted, open for proposals, closed to them, filled by a hire, or cancelled. */
public enum JobStatus {
    DRAFT,
    OPEN,
    CLOSED,
    FILLED,
    CANCELLED
}
