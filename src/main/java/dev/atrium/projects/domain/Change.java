package dev.atrium.projects.domain;

import java.util.Objects;

/** One field of a project or task that changed, as the activity history records it. */
public record Change(String field, String oldValue, String newValue) {

    /** A change of {@code field}, or null when the two values are equal. */
    public static Change of(String field, Object oldValue, Object newValue) {
        if (Objects.equals(oldValue, newValue)) {
            return null;
        }
        return new Change(field, text(oldValue), text(newValue));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
