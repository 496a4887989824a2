package dev.atrium.marketplace.domain;

/** The experience a client asks for. */
public enum ExperienceLevel {
    ENTRY,
    INTERMEDIATE,
    EXPERT
}
