package dev.atrium.marketplace.domain;

/** How long the client expects the work to take. */
public enum JobDuration {
    UNDER_A_MONTH,
    ONE_TO_THREE_MONTHS,
    THREE_TO_SIX_MONTHS,
    OVER_SIX_MONTHS
}
