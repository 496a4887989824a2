package dev.atrium.notifications;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What happened, to whom it matters, and what it is about.
 *
 * @param type a kind a module declares in its {@link NotificationKinds} ({@code projects.mentioned})
 * @param actorId the member who did it, or null (a deadline that came near)
 * @param subject the object the notification is about: what a recipient must still be able to see to be told
 * @param values the text's placeholders ({@code {task}}, {@code {project}}); {@code {actor}} is filled in
 */
public record Notice(
        String type, Set<UUID> recipients, UUID actorId, NoticeSubject subject, Map<String, String> values) {

    public Notice {
        recipients = Set.copyOf(recipients);
        values = Map.copyOf(values);
    }

    public static Notice of(
            String type, Collection<UUID> recipients, UUID actorId, NoticeSubject subject, Map<String, String> values) {
        return new Notice(type, Set.copyOf(recipients), actorId, subject, values);
    }
}
