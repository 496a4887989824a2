package dev.atrium.projects.application;

import dev.atrium.identity.Members;
import dev.atrium.identity.Members.MemberRef;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.projects.domain.Project;
import dev.atrium.projects.domain.ProjectRepository;
import dev.atrium.projects.domain.ProjectRepository.AccessRow;
import dev.atrium.projects.domain.ProjectRole;
import dev.atrium.projects.domain.ProjectStatus;
import dev.atrium.projects.domain.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;

/**
 * The one path from a use case to a project, which every use case takes and none can skip: it says what the caller
 * means to do, and gets the project only if the caller may. Owners manage members, editors change work, every project
 * member takes part (comments), viewers read; a project visible to the tenant can be read by every member, a
 * members-only project does not exist for others (404). The tenant's admins act as owners of every project, so that
 * no project is ever out of reach. An archived project is read-only for every change but its deletion.
 *
 * <p>The check reads one row (the project's visibility and status, and the caller's role in it); the project entity
 * with its collections is loaded only by use cases that need it.
 */
@ApplicationScoped
public class ProjectAccess {

    @Inject
    Members members;

    @Inject
    ProjectRepository projects;

    /** A project as the caller may use it, and the caller's effective role (null: reader without membership). */
    public final class Granted {

        private final UUID projectId;
        private final MemberRef caller;
        private final ProjectRole role;
        private Project project;

        private Granted(UUID projectId, MemberRef caller, ProjectRole role) {
            this.projectId = projectId;
            this.caller = caller;
            this.role = role;
        }

        public UUID projectId() {
            return projectId;
        }

        public MemberRef caller() {
            return caller;
        }

        public ProjectRole role() {
            return role;
        }

        /** The project entity, loaded on first use. */
        public Project project() {
            if (project == null) {
                project = projects.find(projectId).orElseThrow(() -> notFound(projectId));
            }
            return project;
        }
    }

    public MemberRef caller() {
        return members.current();
    }

    /** Reading the project and its work. */
    public Granted read(UUID projectId) {
        return granted(projectId, null, false);
    }

    /** Taking part without changing the work: commenting needs a role in the project. */
    public Granted contribute(UUID projectId) {
        return granted(projectId, Set.of(ProjectRole.VIEWER, ProjectRole.EDITOR, ProjectRole.OWNER), true);
    }

    /** Changing the work: tasks, milestones, blocking, time. Editors and owners. */
    public Granted changeWork(UUID projectId) {
        return granted(projectId, Set.of(ProjectRole.EDITOR, ProjectRole.OWNER), true);
    }

    /** Managing the project: its members, visibility, archiving. Owners. */
    public Granted manage(UUID projectId) {
        return granted(projectId, Set.of(ProjectRole.OWNER), true);
    }

    /** Deleting the project, which an owner may do also once it is archived. */
    public Granted delete(UUID projectId) {
        return granted(projectId, Set.of(ProjectRole.OWNER), false);
    }

    private Granted granted(UUID projectId, Set<ProjectRole> needed, boolean changes) {
        MemberRef caller = members.current();
        AccessRow row = projects.access(projectId, caller.id()).orElseThrow(() -> notFound(projectId));
        ProjectRole role = caller.admin() ? ProjectRole.OWNER : row.role();
        if (role == null && row.visibility() != Visibility.TENANT) {
            throw notFound(projectId);
        }
        if (needed != null && (role == null || !needed.contains(role))) {
            throw new ForbiddenException(
                    "project-role", "Not allowed in this project", "This needs the " + describe(needed) + " role.");
        }
        if (changes && row.status() == ProjectStatus.ARCHIVED) {
            throw new ConflictException(
                    "project-archived", "Project archived", "Project " + projectId + " is archived and cannot change.");
        }
        return new Granted(projectId, caller, role);
    }

    private static String describe(Set<ProjectRole> roles) {
        if (roles.size() == 1) {
            return "owner";
        }
        return roles.contains(ProjectRole.VIEWER) ? "viewer, editor or owner" : "editor or owner";
    }

    static ResourceNotFoundException notFound(UUID projectId) {
        return new ResourceNotFoundException("There is no project " + projectId + " that you can see.");
    }
}
