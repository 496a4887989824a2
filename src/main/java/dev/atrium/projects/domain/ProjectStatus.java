package dev.atrium.projects.domain;

/** Where a project is; ARCHIVED projects are read-only and hidden from lists unless asked for. */
public enum ProjectStatus {
    PLANNING,
    ACTIVE,
    ON_HOLD,
    DONE,
    ARCHIVED
}
