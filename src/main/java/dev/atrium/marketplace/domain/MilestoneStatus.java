package dev.atrium.marketplace.domain;

/**
 * A milestone's life. PENDING until its escrow is funded (the provider confirmed the client's payment); FUNDED while
 * the professional works; SUBMITTED when work is handed in (back to FUNDED if the client asks for changes);
 * DISPUTED while an admin decides; RELEASING once released (by the client, automatically, or by an admin) until the
 * professional's transfer is made, then RELEASED; REFUNDING until the client's refund is confirmed, then REFUNDED;
 * CANCELLED if removed before it was funded.
 */
public enum MilestoneStatus {
    PENDING,
    FUNDED,
    SUBMITTED,
    DISPUTED,
    RELEASING,
    RELEASED,
    REFUNDING,
    REFUNDED,
    CANCELLED;

    /** Whether money is held in escrow for it (paid in, not yet paid out or back). */
    public boolean holdsMoney() {
        return this == FUNDED || this == SUBMITTED || this == DISPUTED;
    }

    /** Whether money is moving out of escrow for it. */
    public boolean isSettling() {
        return this == RELEASING || this == REFUNDING;
    }
}
