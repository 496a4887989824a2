package dev.atrium.projects.domain;

import java.util.UUID;

/**
 * Which projects a read over tasks covers: one project, or every project a member can see. Repositories turn it into
 * a condition of the same query (bounded, whatever the number of projects), not into a list of ids read first.
 */
public sealed interface ProjectScope {

    /** One project, which the caller's access to was already checked. */
    record One(UUID projectId) implements ProjectScope {}

    /** Every project visible to the member: all of them for a tenant admin, else tenant-visible or joined ones. */
    record VisibleTo(UUID member, boolean everything) implements ProjectScope {}

    static ProjectScope of(UUID projectId) {
        return new One(projectId);
    }
}
