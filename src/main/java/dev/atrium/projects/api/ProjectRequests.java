package dev.atrium.projects.api;

import dev.atrium.platform.api.EnumIds;
import dev.atrium.projects.domain.Project;
import dev.atrium.projects.domain.ProjectRole;
import dev.atrium.projects.domain.ProjectStatus;
import dev.atrium.projects.domain.Task;
import dev.atrium.projects.domain.TaskPriority;
import dev.atrium.projects.domain.TaskStatus;
import dev.atrium.projects.domain.Visibility;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** Request bodies of the projects API. Enumerations are spelled as in responses (lower case, e.g. in_progress). */
public final class ProjectRequests {

    private ProjectRequests() {}

    /** A new project, or changes to one (parts left out stay as they are). */
    public record ProjectBody(
            @Size(min = 1, max = 200) String name,
            @Size(max = 10_000) String description,
            String status,
            String visibility,
            LocalDate startDate,
            LocalDate targetDate,
            @Size(max = 20) Set<@NotBlank @Size(max = 50) String> labels) {

        Project.Edit edit() {
            return new Project.Edit(
                    name,
                    description,
                    status == null ? null : EnumIds.fromId(ProjectStatus.class, status, "project status"),
                    visibility == null ? null : EnumIds.fromId(Visibility.class, visibility, "visibility"),
                    startDate,
                    targetDate,
                    labels);
        }
    }

    /** A new task, or changes to one (parts left out stay as they are). Status changes go through move. */
    public record TaskBody(
            @Size(min = 1, max = 300) String title,
            @Size(max = 20_000) String description,
            String priority,
            @Size(max = 20) Set<@NotNull UUID> assignees,
            @Size(max = 20) Set<@NotBlank @Size(max = 50) String> labels,
            LocalDate startDate,
            LocalDate dueDate,
            @Min(0) @Max(1_000_000) Integer estimateMinutes,
            UUID milestoneId,
            UUID parentId) {

        TaskPriority taskPriority() {
            return priority == null ? null : EnumIds.fromId(TaskPriority.class, priority, "priority");
        }

        Task.Edit edit() {
            return new Task.Edit(
                    title,
                    description,
                    taskPriority(),
                    assignees,
                    labels,
                    startDate,
                    dueDate,
                    estimateMinutes,
                    milestoneId,
                    parentId);
        }
    }

    /** Where a task goes on the board: a column, and the task it is placed before (none: the column's end). */
    public record Move(@NotNull String status, UUID beforeTaskId) {

        TaskStatus taskStatus() {
            return EnumIds.fromId(TaskStatus.class, status, "task status");
        }
    }

    public record Role(@NotNull String role) {

        ProjectRole projectRole() {
            return EnumIds.fromId(ProjectRole.class, role, "project role");
        }
    }

    public record MilestoneBody(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 10_000) String description,
            LocalDate dueDate) {}
}
