package dev.atrium.projects.application;

import dev.atrium.identity.Members;
import dev.atrium.notifications.Notice;
import dev.atrium.notifications.NoticeSubject;
import dev.atrium.notifications.NotificationKind;
import dev.atrium.notifications.NotificationKind.Channels;
import dev.atrium.notifications.NotificationKind.EmailCadence;
import dev.atrium.notifications.NotificationKinds;
import dev.atrium.notifications.Notifications;
import dev.atrium.notifications.SubjectVisibility;
import dev.atrium.platform.security.TenantRole;
import dev.atrium.projects.domain.ProjectRepository;
import dev.atrium.projects.domain.Task;
import dev.atrium.projects.domain.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the projects module tells members (mentions in comments, tasks assigned to them, tasks of theirs coming due),
 * the channels those go to by default, and who can still see a project's notifications: whoever can see the project.
 */
@ApplicationScoped
public class ProjectNotifications implements NotificationKinds, SubjectVisibility {

    static final String MENTIONED = "projects.mentioned";
    static final String TASK_ASSIGNED = "projects.task-assigned";
    static final String TASK_DUE_SOON = "projects.task-due-soon";

    private static final Channels AT_ONCE = new Channels(true, EmailCadence.IMMEDIATELY, true);

    @Inject
    Notifications notifications;

    @Inject
    ProjectRepository projects;

    @Inject
    Members members;

    /**
     * A mention is addressed to one person: at once, everywhere. Assignments and deadlines matter most to those who
     * do the work (professionals, students): at once for them; a daily digest for the others (clients and admins
     * follow many projects).
     */
    @Override
    public List<NotificationKind> kinds() {
        Channels digest = new Channels(true, EmailCadence.DAILY, false);
        Map<TenantRole, Channels> doers = Map.of(TenantRole.PROFESSIONAL, AT_ONCE, TenantRole.STUDENT, AT_ONCE);
        return List.of(
                NotificationKind.of(MENTIONED, AT_ONCE),
                new NotificationKind(TASK_ASSIGNED, digest, doers),
                new NotificationKind(TASK_DUE_SOON, digest, doers));
    }

    @Override
    public String kind() {
        return "project";
    }

    /** Like the project's own reads: its members, the tenant's admins, and everyone for a tenant-wide project. */
    @Override
    public Set<String> visibleTo(UUID memberId, Collection<String> ids) {
        boolean admin = members.contact(memberId)
                .map(member -> member.roles().contains(TenantRole.ADMIN))
                .orElse(false);
        Set<String> visible = new HashSet<>();
        for (String id : ids) {
            UUID projectId;
            try {
                projectId = UUID.fromString(id);
            } catch (IllegalArgumentException notAnId) {
                continue;
            }
            projects.access(projectId, memberId)
                    .filter(row -> admin || row.role() != null || row.visibility() == Visibility.TENANT)
                    .ifPresent(row -> visible.add(id));
        }
        return visible;
    }

    void mentioned(Collection<UUID> mentioned, UUID author, Task task, String projectName) {
        raise(MENTIONED, mentioned, author, task, projectName);
    }

    void assigned(Collection<UUID> assignees, UUID by, Task task, String projectName) {
        raise(TASK_ASSIGNED, assignees, by, task, projectName);
    }

    void dueSoon(Task task, String projectName) {
        raise(TASK_DUE_SOON, task.assignees(), null, task, projectName);
    }

    private void raise(String type, Collection<UUID> to, UUID actor, Task task, String projectName) {
        if (to.isEmpty()) {
            return;
        }
        notifications.raise(Notice.of(
                type,
                to,
                actor,
                new NoticeSubject(
                        "project",
                        task.projectId().toString(),
                        "/projects/" + task.projectId() + "/tasks/" + task.id()),
                Map.of(
                        "task",
                        task.title(),
                        "project",
                        projectName,
                        "due",
                        task.dueDate() == null ? "" : task.dueDate().toString())));
    }
}
