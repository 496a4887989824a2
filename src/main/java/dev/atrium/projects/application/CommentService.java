package dev.atrium.projects.application;

import dev.atrium.identity.Members;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.time.Now;
import dev.atrium.projects.domain.CollaborationRepository;
import dev.atrium.projects.domain.Comment;
import dev.atrium.projects.domain.ProjectRole;
import dev.atrium.projects.domain.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Comments on tasks: project members write them, authors edit them, authors and owners delete them. */
@ApplicationScoped
@TenantTransactional
public class CommentService {

    @Inject
    Now clock;

    @Inject
    CollaborationRepository collaboration;

    @Inject
    TaskRepository tasks;

    @Inject
    ProjectAccess access;

    @Inject
    Members members;

    @Inject
    ProjectNotifications notifications;

    public record CommentView(
            UUID id,
            UUID taskId,
            UUID authorId,
            String body,
            List<UUID> mentions,
            OffsetDateTime createdAt,
            OffsetDateTime editedAt) {

        static CommentView of(Comment comment) {
            return new CommentView(
                    comment.id(),
                    comment.taskId(),
                    comment.authorId(),
                    comment.body(),
                    comment.mentions().stream().sorted().toList(),
                    comment.createdAt(),
                    comment.editedAt());
        }
    }

    public CommentView add(UUID projectId, UUID taskId, String body) {
        ProjectAccess.Granted granted = requireProjectMember(projectId);
        requireTask(projectId, taskId);
        Comment comment = new Comment(taskId, granted.caller().id(), body, now());
        requireKnownMembers(comment);
        collaboration.add(comment);
        tellMentioned(granted, taskId, comment.mentions());
        return CommentView.of(comment);
    }

    public Page<CommentView> list(UUID projectId, UUID taskId, PageRequest page) {
        access.read(projectId);
        requireTask(projectId, taskId);
        return collaboration.comments(taskId, page).map(CommentView::of);
    }

    public CommentView edit(UUID projectId, UUID taskId, UUID commentId, String body) {
        ProjectAccess.Granted granted = requireProjectMember(projectId);
        Comment comment = existing(taskId, commentId);
        java.util.Set<UUID> before = java.util.Set.copyOf(comment.mentions());
        comment.edit(granted.caller().id(), body, now());
        requireKnownMembers(comment);
        java.util.Set<UUID> added = new java.util.HashSet<>(comment.mentions());
        added.removeAll(before);
        tellMentioned(granted, taskId, added);
        return CommentView.of(comment);
    }

    public void delete(UUID projectId, UUID taskId, UUID commentId) {
        ProjectAccess.Granted granted = requireProjectMember(projectId);
        Comment comment = existing(taskId, commentId);
        if (!comment.authorId().equals(granted.caller().id()) && granted.role() != ProjectRole.OWNER) {
            throw new ForbiddenException(
                    "comment-author", "Not your comment", "Only its author or a project owner deletes a comment.");
        }
        collaboration.remove(comment);
    }

    /** Those newly mentioned are told (those who cannot see the project are not: notifications checks). */
    private void tellMentioned(ProjectAccess.Granted granted, UUID taskId, java.util.Set<UUID> mentioned) {
        if (!mentioned.isEmpty()) {
            tasks.find(granted.projectId(), taskId)
                    .ifPresent(task -> notifications.mentioned(
                            mentioned,
                            granted.caller().id(),
                            task,
                            granted.project().name()));
        }
    }

    private ProjectAccess.Granted requireProjectMember(UUID projectId) {
        return access.contribute(projectId);
    }

    private void requireTask(UUID projectId, UUID taskId) {
        tasks.find(projectId, taskId)
                .orElseThrow(() -> new ResourceNotFoundException("There is no task " + taskId + " in this project."));
    }

    private Comment existing(UUID taskId, UUID commentId) {
        return collaboration
                .comment(taskId, commentId)
                .orElseThrow(
                        () -> new ResourceNotFoundException("There is no comment " + commentId + " on this task."));
    }

    private void requireKnownMembers(Comment comment) {
        for (UUID mentioned : comment.mentions()) {
            if (members.find(mentioned).isEmpty()) {
                throw new InvalidRequestException("The comment mentions " + mentioned + ", who is not a member.");
            }
        }
    }

    private OffsetDateTime now() {
        return clock.dateTime();
    }
}
