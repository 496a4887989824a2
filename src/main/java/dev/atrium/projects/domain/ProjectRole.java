package dev.atrium.projects.domain;

/** A member's role in one project: owners manage members, editors change work, viewers read. */
public enum ProjectRole {
    OWNER,
    EDITOR,
    VIEWER;

    public boolean canChangeWork() {
        return this == OWNER || this == EDITOR;
    }

    public boolean canManageMembers() {
        return this == OWNER;
    }
}
