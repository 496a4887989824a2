package dev.atrium.projects.application;

import dev.atrium.messaging.ConversationContext;
import dev.atrium.platform.errors.AtriumException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * A project's conversation: its members take part (those who may comment: viewers, editors, owners, and the tenant's
 * admins), and leave it when they leave the project.
 */
@ApplicationScoped
public class ProjectConversations implements ConversationContext {

    @Inject
    ProjectAccess access;

    @Inject
    dev.atrium.projects.domain.ProjectRepository projects;

    @Inject
    dev.atrium.identity.Members members;

    @Override
    public String type() {
        return "project";
    }

    /** As {@link #callerMayTakePart} for another member: a role in the project, or the tenant's admin role. */
    @Override
    public boolean mayTakePart(String id, UUID memberId) {
        UUID projectId;
        try {
            projectId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
        boolean admin = members.contact(memberId)
                .map(member -> member.roles().contains(dev.atrium.platform.security.TenantRole.ADMIN))
                .orElse(false);
        return projects.access(projectId, memberId)
                .map(row -> admin || row.role() != null)
                .orElse(false);
    }

    @Override
    public boolean callerMayTakePart(String id) {
        UUID projectId;
        try {
            projectId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
        try {
            access.contribute(projectId);
            return true;
        } catch (AtriumException refused) {
            return false;
        }
    }
}
