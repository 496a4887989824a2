package dev.atrium.projects.application;

import static dev.atrium.platform.api.EnumIds.idOf;

import dev.atrium.projects.domain.ActivityEntry;
import dev.atrium.projects.domain.Milestone;
import dev.atrium.projects.domain.Progress;
import dev.atrium.projects.domain.Project;
import dev.atrium.projects.domain.ProjectRole;
import dev.atrium.projects.domain.Task;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** What the projects API shows; entities never leave the application layer. */
public final class Views {

    private Views() {}

    public record ProjectMemberView(UUID memberId, String role) {}

    /** A project, with the caller's role in it ({@code null}: reads it as a tenant member) and its version. */
    public record ProjectView(
            UUID id,
            String name,
            String description,
            String status,
            String visibility,
            LocalDate startDate,
            LocalDate targetDate,
            List<String> labels,
            List<ProjectMemberView> members,
            String myRole,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            long version) {

        static ProjectView of(Project project, ProjectRole myRole) {
            return new ProjectView(
                    project.id(),
                    project.name(),
                    project.description(),
                    idOf(project.status()),
                    idOf(project.visibility()),
                    project.startDate(),
                    project.targetDate(),
                    project.labels().stream().sorted().toList(),
                    project.members().entrySet().stream()
                            .map(m -> new ProjectMemberView(m.getKey(), idOf(m.getValue())))
                            .sorted(java.util.Comparator.comparing(
                                    m -> m.memberId().toString()))
                            .toList(),
                    myRole == null ? null : idOf(myRole),
                    project.createdAt(),
                    project.updatedAt(),
                    project.version());
        }
    }

    public record TaskView(
            UUID id,
            UUID projectId,
            UUID milestoneId,
            UUID parentId,
            String title,
            String description,
            String status,
            String priority,
            long position,
            List<UUID> assignees,
            List<String> labels,
            List<UUID> blockedBy,
            LocalDate startDate,
            LocalDate dueDate,
            Integer estimateMinutes,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            OffsetDateTime closedAt,
            long version) {

        static TaskView of(Task task) {
            return new TaskView(
                    task.id(),
                    task.projectId(),
                    task.milestoneId(),
                    task.parentId(),
                    task.title(),
                    task.description(),
                    idOf(task.status()),
                    idOf(task.priority()),
                    task.position(),
                    task.assignees().stream().sorted().toList(),
                    task.labels().stream().sorted().toList(),
                    task.blockedBy().stream().sorted().toList(),
                    task.startDate(),
                    task.dueDate(),
                    task.estimateMinutes(),
                    task.createdAt(),
                    task.updatedAt(),
                    task.closedAt(),
                    task.version());
        }
    }

    public record ProgressView(
            Map<String, Long> byStatus, long total, long done, int percentDone, long overdue, List<Progress.Day> days) {

        static ProgressView of(Progress progress) {
            Map<String, Long> byStatus = new TreeMap<>();
            progress.byStatus().forEach((status, count) -> byStatus.put(idOf(status), count));
            return new ProgressView(
                    byStatus,
                    progress.total(),
                    progress.done(),
                    progress.percentDone(),
                    progress.overdue(),
                    progress.days());
        }
    }

    public record MilestoneView(UUID id, String name, String description, LocalDate dueDate, ProgressView progress) {

        static MilestoneView of(Milestone milestone, Progress progress) {
            return new MilestoneView(
                    milestone.id(),
                    milestone.name(),
                    milestone.description(),
                    milestone.dueDate(),
                    ProgressView.of(progress));
        }
    }

    public record ActivityView(
            UUID taskId, UUID actorId, OffsetDateTime occurredAt, String field, String oldValue, String newValue) {

        static ActivityView of(ActivityEntry entry) {
            return new ActivityView(
                    entry.taskId(),
                    entry.actorId(),
                    entry.occurredAt(),
                    entry.field(),
                    entry.oldValue(),
                    entry.newValue());
        }
    }
}
