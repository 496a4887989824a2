package dev.atrium.projects.domain;

import java.time.LocalDate;
import java.util.UUID;

/** What a task list is narrowed by; {@code null} parts do not narrow. {@code text} is a full-text query. */
public record TaskFilter(
        TaskStatus status,
        UUID assignee,
        String label,
        TaskPriority priority,
        UUID milestoneId,
        LocalDate dueFrom,
        LocalDate dueTo,
        String text) {

    public static TaskFilter none() {
        return new TaskFilter(null, null, null, null, null, null, null, null);
    }
}
