package dev.atrium.marketplace.domain;

/** The three packages a service may offer, one of each at most, from the least to the most it includes. */
public enum TierLevel {
    BASIC,
    STANDARD,
    PREMIUM
}
