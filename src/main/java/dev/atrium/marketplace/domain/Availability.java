package dev.atrium.marketplace.domain;

/** Whether a professional takes new work: yes, a little, or not now. */
public enum Availability {
    AVAILABLE,
    LIMITED,
    UNAVAILABLE
}
