package dev.atrium.marketplace.domain;

/** How a job is paid: a fixed price (in milestones) or by the hour. */
public enum Pricing {
    FIXED,
    HOURLY
}
