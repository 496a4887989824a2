package dev.atrium.projects.api;

import dev.atrium.platform.api.EnumIds;
import dev.atrium.platform.api.OneOf;
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

    /** A new project. */
    public record ProjectCreate(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 10_000) String description,
            @OneOf(ProjectStatus.class) String status,
            @OneOf(Visibility.class) String visibility,
            LocalDate startDate,
            LocalDate targetDate,
            @Size(max = 20) Set<@NotBlank @Size(max = 50) String> labels) {

        Project.Edit edit() {
            return new Project.Edit(
                    name,
                    description,
                    enumOrNull(ProjectStatus.class, status),
                    enumOrNull(Visibility.class, visibility),
                    startDate,
                    targetDate,
                    labels);
        }
    }

    /** Changes to a project, as a JSON merge patch: parts left out stay, {@code null} clears an optional part. */
    public record ProjectPatch(
            @Size(min = 1, max = 200) String name,
            @Size(max = 10_000) String description,
            @OneOf(ProjectStatus.class) String status,
            @OneOf(Visibility.class) String visibility,
            LocalDate startDate,
            LocalDate targetDate,
            @Size(max = 20) Set<@NotBlank @Size(max = 50) String> labels) {

        Project.Edit edit(Set<String> cleared) {
            return new Project.Edit(
                    name,
                    description,
                    enumOrNull(ProjectStatus.class, status),
                    enumOrNull(Visibility.class, visibility),
                    startDate,
                    targetDate,
                    labels,
                    cleared);
        }
    }

    /** A new task. */
    public record TaskCreate(
            @NotBlank @Size(max = 300) String title,
            @Size(max = 20_000) String description,
            @OneOf(TaskPriority.class) String priority,
            @Size(max = 20) Set<@NotNull UUID> assignees,
            @Size(max = 20) Set<@NotBlank @Size(max = 50) String> labels,
            LocalDate startDate,
            LocalDate dueDate,
            @Min(0) @Max(1_000_000) Integer estimateMinutes,
            UUID milestoneId,
            UUID parentId) {

        TaskPriority taskPriority() {
            return enumOrNull(TaskPriority.class, priority);
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

    /**
     * Changes to a task, as a JSON merge patch: parts left out stay, {@code null} clears an optional part (description,
     * assignees, labels, dates, estimate, milestone, parent). Status changes go through move.
     */
    public record TaskPatch(
            @Size(min = 1, max = 300) String title,
            @Size(max = 20_000) String description,
            @OneOf(TaskPriority.class) String priority,
            @Size(max = 20) Set<@NotNull UUID> assignees,
            @Size(max = 20) Set<@NotBlank @Size(max = 50) String> labels,
            LocalDate startDate,
            LocalDate dueDate,
            @Min(0) @Max(1_000_000) Integer estimateMinutes,
            UUID milestoneId,
            UUID parentId) {

        Task.Edit edit(Set<String> cleared) {
            return new Task.Edit(
                    title,
                    description,
                    enumOrNull(TaskPriority.class, priority),
                    assignees,
                    labels,
                    startDate,
                    dueDate,
                    estimateMinutes,
                    milestoneId,
                    parentId,
                    cleared);
        }
    }

    /** An enum part already checked by {@code @OneOf}, as its constant. */
    static <E extends Enum<E>> E enumOrNull(Class<E> type, String id) {
        return id == null ? null : EnumIds.fromId(type, id, type.getSimpleName());
    }

    /** Where a task goes on the board: a column, and the task it is placed before (none: the column's end). */
    public record Move(@NotNull @OneOf(TaskStatus.class) String status, UUID beforeTaskId) {

        TaskStatus taskStatus() {
            return enumOrNull(TaskStatus.class, status);
        }
    }

    public record Role(@NotNull @OneOf(ProjectRole.class) String role) {

        ProjectRole projectRole() {
            return enumOrNull(ProjectRole.class, role);
        }
    }

    public record MilestoneBody(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 10_000) String description,
            LocalDate dueDate) {}
}
