package dev.atrium.messaging.application;

import dev.atrium.platform.media.MediaOwner;
import dev.atrium.platform.media.MediaReadAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** A message's files are read by those the message is shown to. */
@ApplicationScoped
public class MessageAttachmentAccess implements MediaReadAccess {

    @Inject
    Conversations conversations;

    @Override
    public String module() {
        return "messaging";
    }

    @Override
    public boolean callerMayRead(MediaOwner owner) {
        if (!owner.type().equals("message")) {
            return false;
        }
        try {
            return conversations.callerMayRead(UUID.fromString(owner.id()));
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }
}
