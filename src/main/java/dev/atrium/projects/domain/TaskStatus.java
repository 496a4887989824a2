package dev.atrium.projects.domain;

/** The columns of a project's board. DONE and CANCELLED close a task; moving it back reopens it. */
public enum TaskStatus {
    TODO,
    IN_PROGRESS,
    IN_REVIEW,
    DONE,
    CANCELLED;

    public boolean isClosed() {
        return this == DONE || this == CANCELLED;
    }
}
