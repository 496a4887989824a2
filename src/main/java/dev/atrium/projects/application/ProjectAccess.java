package dev.atrium.projects.application;

import dev.atrium.identity.Members;
import dev.atrium.identity.Members.MemberRef;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.projects.domain.Project;
import dev.atrium.projects.domain.ProjectRepository;
import dev.atrium.projects.domain.ProjectRole;
import dev.atrium.projects.domain.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Who may do what in a project: its owners manage members, editors change work, viewers read. A project visible to
 * the tenant can be read by every member; a members-only project does not exist for others (404). The tenant's
 * admins act as owners of every project, so that no project is ever out of reach.
 */
@ApplicationScoped
public class ProjectAccess {

    @Inject
    Members members;

    @Inject
    ProjectRepository projects;

    /** A project as the caller may see it, and the caller's effective role (null: reader without membership). */
    public record Granted(Project project, MemberRef caller, ProjectRole role) {

        public Granted requireChangeWork() {
            if (role == null || !role.canChangeWork()) {
                throw new ForbiddenException(
                        "project-role", "Not allowed in this project", "Changing work needs the editor or owner role.");
            }
            return this;
        }

        public Granted requireManageMembers() {
            if (role == null || !role.canManageMembers()) {
                throw new ForbiddenException(
                        "project-role", "Not allowed in this project", "Managing a project needs the owner role.");
            }
            return this;
        }
    }

    public MemberRef caller() {
        return members.current();
    }

    public Granted read(UUID projectId) {
        MemberRef caller = members.current();
        Project project = projects.find(projectId).orElseThrow(() -> notFound(projectId));
        ProjectRole role =
                caller.admin() ? ProjectRole.OWNER : project.roleOf(caller.id()).orElse(null);
        if (role == null && project.visibility() != Visibility.TENANT) {
            throw notFound(projectId);
        }
        return new Granted(project, caller, role);
    }

    /** Every project the member can see (all of them for a tenant admin), read in bounded pages. */
    public java.util.Set<UUID> visibleProjectIds(UUID member, boolean admin) {
        java.util.Set<UUID> visible = new java.util.HashSet<>();
        int pageNumber = 0;
        dev.atrium.platform.paging.Page<Project> batch;
        do {
            batch = projects.visibleTo(
                    member,
                    admin,
                    null,
                    new dev.atrium.platform.paging.PageRequest(
                            pageNumber++, dev.atrium.platform.paging.PageRequest.MAX_SIZE));
            batch.items().forEach(project -> visible.add(project.id()));
        } while (batch.items().size() == dev.atrium.platform.paging.PageRequest.MAX_SIZE);
        return visible;
    }

    static ResourceNotFoundException notFound(UUID projectId) {
        return new ResourceNotFoundException("There is no project " + projectId + " that you can see.");
    }
}
