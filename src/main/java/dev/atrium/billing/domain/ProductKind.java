package dev.atrium.billing.domain;

import dev.atrium.platform.api.EnumIds;

/** A premium membership (a subscription granting entitlements) or an item another module sells once. */
public enum ProductKind {
    MEMBERSHIP,
    ITEM;

    public String id() {
        return EnumIds.idOf(this);
    }
}
