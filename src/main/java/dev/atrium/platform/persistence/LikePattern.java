package dev.atrium.platform.persistence;

import java.util.Locale;

/** Text searches with SQL {@code LIKE}: the caller's text is matched literally, wildcards in it included. */
public final class LikePattern {

    /** The escape character to declare in the query: {@code like :text escape '\'}. */
    public static final char ESCAPE = '\\';

    private LikePattern() {}

    /** A case-insensitive "contains" pattern, for comparing with {@code lower(column)}. */
    public static String containing(String text) {
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
