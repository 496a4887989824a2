package dev.atrium.notifications.application;

import dev.atrium.notifications.NotificationKind;
import dev.atrium.notifications.NotificationKinds;
import dev.atrium.notifications.SubjectVisibility;
import dev.atrium.platform.errors.ResourceNotFoundException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Every module's notification kinds and subject visibilities, collected once at start. */
@ApplicationScoped
public class NotificationCatalogue {

    @Inject
    @Any
    Instance<NotificationKinds> catalogues;

    @Inject
    @Any
    Instance<SubjectVisibility> visibilities;

    @Inject
    NotificationTexts texts;

    private final Map<String, NotificationKind> kinds = new LinkedHashMap<>();
    private final Map<String, SubjectVisibility> subjects = new LinkedHashMap<>();

    @PostConstruct
    void collect() {
        for (NotificationKinds catalogue : catalogues) {
            for (NotificationKind kind : catalogue.kinds()) {
                if (kinds.putIfAbsent(kind.type(), kind) != null) {
                    throw new IllegalStateException("Two notification kinds are named " + kind.type());
                }
                texts.requireText(kind.type());
                texts.requireText(kind.type() + ".label");
            }
        }
        for (SubjectVisibility visibility : visibilities) {
            subjects.put(visibility.kind(), visibility);
        }
    }

    public Collection<NotificationKind> kinds() {
        return kinds.values();
    }

    /** A kind a module raises; an unknown one is a programming error. */
    NotificationKind kind(String type) {
        NotificationKind kind = kinds.get(type);
        if (kind == null) {
            throw new IllegalArgumentException("No module declares the notification kind " + type);
        }
        return kind;
    }

    /** A kind a member names (preferences): 404 if there is none. */
    NotificationKind named(String type) {
        NotificationKind kind = kinds.get(type);
        if (kind == null) {
            throw new ResourceNotFoundException("There is no notification kind '" + type + "'.");
        }
        return kind;
    }

    /** Of these ids of objects of one kind, those the member can see; none if no module answers for the kind. */
    Set<String> visible(UUID member, String subjectKind, Collection<String> ids) {
        SubjectVisibility visibility = subjects.get(subjectKind);
        return visibility == null ? Set.of() : visibility.visibleTo(member, ids);
    }
}
