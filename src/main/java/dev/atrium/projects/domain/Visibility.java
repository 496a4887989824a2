package dev.atrium.projects.domain;

/** Who sees a project: only its members, or every member of the tenant (read-only for non-members). */
public enum Visibility {
    MEMBERS,
    TENANT
}
