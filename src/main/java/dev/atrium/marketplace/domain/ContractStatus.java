package dev.atrium.marketplace.domain;

/** A contract's life: active, paused by its client (no new milestones funded), or ended. */
public enum ContractStatus {
    ACTIVE,
    PAUSED,
    ENDED
}
