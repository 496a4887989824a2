package dev.atrium.messaging.application;

import dev.atrium.messaging.ConversationContext;
import dev.atrium.platform.errors.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** The other modules' kinds of objects that have conversations, by type. */
@ApplicationScoped
public class ConversationContexts {

    @Inject
    @Any
    Instance<ConversationContext> contexts;

    ConversationContext of(String type) {
        for (ConversationContext context : contexts) {
            if (context.type().equals(type)) {
                return context;
            }
        }
        throw new InvalidRequestException(
                "unknown-conversation-context",
                "Unknown conversation context",
                "Conversations belong to no '" + type + "'.");
    }
}
