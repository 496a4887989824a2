package dev.atrium.billing.domain;

import dev.atrium.platform.api.EnumIds;

/**
 * Where a tenant stands with paying for its plan, which is what its admins see (and a frontend shows as a banner):
 * {@code none} (no paid subscription: a free, trial or operator-assigned plan), {@code active}, {@code past_due} (a
 * payment failed; the tenant works normally until its grace period ends), {@code unpaid} (suspended: read-only until
 * paid), {@code canceled} (archived when its grace period ends).
 */
public enum PlanStanding {
    NONE,
    ACTIVE,
    PAST_DUE,
    UNPAID,
    CANCELED;

    public String id() {
        return EnumIds.idOf(this);
    }
}
