package dev.atrium.messaging.api;

import dev.atrium.messaging.application.Conversations;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.live.LiveCommand;
import dev.atrium.platform.tenancy.domain.TenantModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.UUID;

/**
 * {@code {"type": "typing", "conversationId": "..."}} on a live socket: the other participants' sockets are told, as a
 * passing signal; clients show it for a few seconds and send it again while the member keeps typing.
 */
@ApplicationScoped
public class TypingCommand implements LiveCommand {

    @Inject
    Conversations conversations;

    @Override
    public String type() {
        return "typing";
    }

    @Override
    public TenantModule module() {
        return TenantModule.MESSAGING;
    }

    @Override
    public void handle(JsonObject command) {
        conversations.typing(conversationId(command));
    }

    private static UUID conversationId(JsonObject command) {
        try {
            return UUID.fromString(command.getString("conversationId"));
        } catch (RuntimeException missingOrMalformed) {
            throw new InvalidRequestException(
                    "invalid-conversation-id", "Invalid conversation", "\"conversationId\" is a conversation's id.");
        }
    }
}
