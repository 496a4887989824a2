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

    @Override
    public String type() {
        return "project";
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
