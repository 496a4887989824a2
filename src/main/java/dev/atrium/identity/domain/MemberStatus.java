package dev.atrium.identity.domain;

/** Where a member is in their membership: active, or removed (the row stays so that history keeps their name). */
public enum MemberStatus {
    ACTIVE,
    REMOVED
}
