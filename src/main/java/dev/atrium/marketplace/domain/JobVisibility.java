package dev.atrium.marketplace.domain;

/**
 * Who sees an open job: the tenant's members, only the professionals its client invited, or also visitors of the
 * tenant's public site.
 */
public enum JobVisibility {
    MEMBERS,
    INVITED,
    PUBLIC
}
