package dev.atrium.marketplace.domain;

/** Who sees a professional's profile: the tenant's members, or also visitors of the tenant's public site. */
public enum ProfileVisibility {
    MEMBERS,
    PUBLIC
}
