package dev.atrium.projects.domain;

import dev.atrium.platform.errors.ForbiddenException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comment on a task. Members are mentioned as {@code @<member id>} in the text (a frontend renders their names);
 * the mentioned members are kept with the comment, for notifications. Only the author edits it.
 */
@Entity
@Table(name = "task_comment")
public class Comment {

    private static final Pattern MENTION =
            Pattern.compile("@([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

    @Id
    private UUID id;

    @Column(name = "task_id", nullable = false, updatable = false)
    private UUID taskId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(nullable = false)
    private String body;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "comment_mention", joinColumns = @JoinColumn(name = "comment_id"))
    @Column(name = "member_id")
    private Set<UUID> mentions = new HashSet<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "edited_at")
    private OffsetDateTime editedAt;

    @Version
    private long version;

    protected Comment() {}

    public Comment(UUID taskId, UUID authorId, String body, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.taskId = taskId;
        this.authorId = authorId;
        this.body = body;
        this.mentions.addAll(mentionsIn(body));
        this.createdAt = now;
    }

    /** The member ids mentioned in a text, as {@code @<member id>}. */
    public static Set<UUID> mentionsIn(String text) {
        Set<UUID> mentioned = new HashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            mentioned.add(UUID.fromString(matcher.group(1)));
        }
        return mentioned;
    }

    public void edit(UUID editor, String newBody, OffsetDateTime now) {
        if (!authorId.equals(editor)) {
            throw new ForbiddenException("comment-author", "Not your comment", "Only a comment's author can edit it.");
        }
        body = newBody;
        mentions.clear();
        mentions.addAll(mentionsIn(newBody));
        editedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID taskId() {
        return taskId;
    }

    public UUID authorId() {
        return authorId;
    }

    public String body() {
        return body;
    }

    public Set<UUID> mentions() {
        return Set.copyOf(mentions);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime editedAt() {
        return editedAt;
    }
}
