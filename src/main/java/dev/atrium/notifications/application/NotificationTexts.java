package dev.atrium.notifications.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notification's short text in the reader's language: {@code notifications/texts.properties} (English) and its
 * translations ({@code texts_es.properties}), one line per kind, with named placeholders ({@code {actor}},
 * {@code {task}}) filled from the notification's values. Rendered when read, so a member who changes language reads
 * their notifications in the new one.
 */
@ApplicationScoped
public class NotificationTexts {

    private static final String BUNDLE = "notifications.texts";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    /** Fails at start for a kind without an English text. */
    void requireText(String type) {
        try {
            ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NotificationTexts.class.getClassLoader())
                    .getString(type);
        } catch (MissingResourceException missing) {
            throw new IllegalStateException("Notification kind " + type + " has no text in " + BUNDLE, missing);
        }
    }

    public String render(String type, String languageTag, Map<String, String> values) {
        Locale locale = languageTag == null ? Locale.ENGLISH : Locale.forLanguageTag(languageTag);
        String template = ResourceBundle.getBundle(
                        BUNDLE, locale, NotificationTexts.class.getClassLoader(), NO_FALLBACK_TO_SERVER_LOCALE)
                .getString(type);
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (placeholders.find()) {
            String value = values.getOrDefault(placeholders.group(1), "");
            placeholders.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        placeholders.appendTail(text);
        return text.toString();
    }

    /** English, from the base bundle, when the reader's language has no translation (never the server's locale). */
    private static final ResourceBundle.Control NO_FALLBACK_TO_SERVER_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
