package dev.atrium.billing.domain;

import dev.atrium.platform.api.EnumIds;

/** How often a subscription renews; the ids are Stripe's recurring intervals. */
public enum BillingInterval {
    MONTH,
    YEAR;

    public String id() {
        return EnumIds.idOf(this);
    }

    public static BillingInterval fromId(String id) {
        return EnumIds.fromId(BillingInterval.class, id, "interval");
    }
}
