package dev.atrium.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A milestone of a project: a name and a due date; its progress is derived from its tasks. */
@Entity
@Table(name = "milestone")
public class Milestone {

    @Id
    private UUID id;

    @Column(name = "project_id", nullable = false, updatable = false)
    private UUID projectId;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Milestone() {}

    public Milestone(UUID projectId, String name, String description, LocalDate dueDate, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.name = name;
        this.description = description;
        this.dueDate = dueDate;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public LocalDate dueDate() {
        return dueDate;
    }
}
