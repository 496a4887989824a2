package dev.atrium.projects.domain;

import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.InvalidRequestException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A project of the current tenant: its plan (dates, status), who works on it in which role, and who may see it.
 * Changes return what changed, for the activity history. A project always has an owner.
 */
@Entity
@Table(name = "project")
public class Project {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProjectStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "target_date")
    private LocalDate targetDate;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "project_label", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "label")
    private Set<String> labels = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "project_member", joinColumns = @JoinColumn(name = "project_id"))
    @MapKeyColumn(name = "member_id")
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Map<UUID, ProjectRole> members = new HashMap<>();

    @Column(name = "created_by", nullable = false, updatable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Project() {}

    /** A new project; its creator is its first owner. */
    public Project(String name, Visibility visibility, UUID creator, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.name = Objects.requireNonNull(name);
        this.visibility = Objects.requireNonNull(visibility);
        this.status = ProjectStatus.PLANNING;
        this.createdBy = creator;
        this.members.put(creator, ProjectRole.OWNER);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * The editable parts of a project, as a merge patch: {@code null} parts stay as they are, parts named in {@code
     * cleared} are cleared.
     */
    public record Edit(
            String name,
            String description,
            ProjectStatus status,
            Visibility visibility,
            LocalDate startDate,
            LocalDate targetDate,
            Set<String> labels,
            Set<String> cleared) {

        /** The parts that can be cleared, by their API names. */
        public static final Set<String> CLEARABLE = Set.of("description", "startDate", "targetDate", "labels");

        public Edit {
            cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
        }

        /** Changes nothing is cleared by. */
        public Edit(
                String name,
                String description,
                ProjectStatus status,
                Visibility visibility,
                LocalDate startDate,
                LocalDate targetDate,
                Set<String> labels) {
            this(name, description, status, visibility, startDate, targetDate, labels, Set.of());
        }

        <T> T next(String part, T given, T current) {
            return cleared.contains(part) ? null : given != null ? given : current;
        }
    }

    public List<Change> edit(Edit edit, OffsetDateTime now) {
        requireNotArchived();
        LocalDate start = edit.next("startDate", edit.startDate(), startDate);
        LocalDate target = edit.next("targetDate", edit.targetDate(), targetDate);
        if (start != null && target != null && target.isBefore(start)) {
            throw new InvalidRequestException("The target date may not be before the start date.");
        }
        if (edit.status() == ProjectStatus.ARCHIVED) {
            throw new InvalidRequestException("Archive a project with its archive action, not by editing its status.");
        }
        String nextName = edit.name() != null ? edit.name() : name;
        String nextDescription = edit.next("description", edit.description(), description);
        nextDescription = nextDescription == null || nextDescription.isEmpty() ? null : nextDescription;
        ProjectStatus nextStatus = edit.status() != null ? edit.status() : status;
        Visibility nextVisibility = edit.visibility() != null ? edit.visibility() : visibility;
        Set<String> nextLabels = edit.next("labels", edit.labels(), labels);
        nextLabels = nextLabels == null ? Set.of() : new TreeSet<>(nextLabels);
        List<Change> changes = new ArrayList<>();
        add(changes, Change.of("name", name, nextName));
        add(changes, Change.of("description", description, nextDescription));
        add(changes, Change.of("status", status, nextStatus));
        add(changes, Change.of("visibility", visibility, nextVisibility));
        add(changes, Change.of("startDate", startDate, start));
        add(changes, Change.of("targetDate", targetDate, target));
        add(changes, Change.of("labels", new TreeSet<>(labels), nextLabels));
        name = nextName;
        description = nextDescription;
        status = nextStatus;
        visibility = nextVisibility;
        startDate = start;
        targetDate = target;
        labels.clear();
        labels.addAll(nextLabels);
        if (!changes.isEmpty()) {
            updatedAt = now;
        }
        return changes;
    }

    public Change archive(OffsetDateTime now) {
        Change change = Change.of("status", status, ProjectStatus.ARCHIVED);
        status = ProjectStatus.ARCHIVED;
        updatedAt = now;
        return change;
    }

    /** Adds a member or changes their role; the last owner cannot stop being one. */
    public Change assign(UUID member, ProjectRole role, OffsetDateTime now) {
        requireNotArchived();
        ProjectRole previous = members.get(member);
        if (previous == ProjectRole.OWNER && role != ProjectRole.OWNER) {
            requireAnotherOwner();
        }
        members.put(member, role);
        updatedAt = now;
        return Change.of("member " + member, previous, role);
    }

    public Change remove(UUID member, OffsetDateTime now) {
        requireNotArchived();
        ProjectRole previous = members.get(member);
        if (previous == null) {
            return null;
        }
        if (previous == ProjectRole.OWNER) {
            requireAnotherOwner();
        }
        members.remove(member);
        updatedAt = now;
        return Change.of("member " + member, previous, null);
    }

    public Optional<ProjectRole> roleOf(UUID member) {
        return Optional.ofNullable(members.get(member));
    }

    public void requireNotArchived() {
        if (status == ProjectStatus.ARCHIVED) {
            throw new ConflictException(
                    "project-archived", "Project archived", "Project '" + name + "' is archived and cannot change.");
        }
    }

    private void requireAnotherOwner() {
        long owners =
                members.values().stream().filter(r -> r == ProjectRole.OWNER).count();
        if (owners <= 1) {
            throw new ConflictException(
                    "last-owner", "Last owner", "A project keeps at least one owner; make another member owner first.");
        }
    }

    private static void add(List<Change> changes, Change change) {
        if (change != null) {
            changes.add(change);
        }
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public ProjectStatus status() {
        return status;
    }

    public Visibility visibility() {
        return visibility;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate targetDate() {
        return targetDate;
    }

    public Set<String> labels() {
        return Set.copyOf(labels);
    }

    public Map<UUID, ProjectRole> members() {
        return Map.copyOf(members);
    }

    public UUID createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
