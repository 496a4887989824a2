package dev.atrium.example;

import dev.atrium.platform.errors.InvalidRequestException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** An announcement a tenant admin posts to every member; pinned ones come first. */
@Entity
@Table(name = "announcement")
public class Announcement {

    public static final Set<String> CLEARABLE = Set.of("body");

    @Id
    private UUID id;

    @Column(nullable = false)
    private String title;

    private String body;

    private boolean pinned;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Announcement() {}

    public Announcement(String title, String body, UUID authorId, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.title = requireTitle(title);
        this.body = body;
        this.authorId = authorId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A merge patch: null parts stay, {@code body} may be cleared. */
    public void edit(String newTitle, String newBody, Boolean pin, Set<String> cleared, OffsetDateTime now) {
        title = newTitle != null ? requireTitle(newTitle) : title;
        body = cleared.contains("body") ? null : newBody != null ? newBody : body;
        pinned = pin != null ? pin : pinned;
        updatedAt = now;
    }

    private static String requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidRequestException("An announcement needs a title.");
        }
        return title.strip();
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public boolean pinned() {
        return pinned;
    }

    public UUID authorId() {
        return authorId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
