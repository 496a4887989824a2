package dev.atrium.marketplace.domain;

/**
 * A week of an hourly contract: OPEN while the professional logs time in it; SUBMITTED (its entries frozen) until the
 * client answers; APPROVED, for good (a milestone pays its hours, if any); DISPUTED by the client until an admin
 * approves it or opens it again for the professional to correct.
 */
public enum TimesheetStatus {
    OPEN,
    SUBMITTED,
    APPROVED,
    DISPUTED
}
