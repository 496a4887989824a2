package dev.atrium.platform.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @BeforeEach
    void configure() {
        templates.configure();
    }

    private static Map<String, Object> model(String name) {
        return Map.of(
                "name",
                name,
                "roles",
                "student",
                "brand",
                Map.of("name", "Northfield", "logoUrl", "", "color", "#112233", "supportEmail", "help@north.example"));
    }

    @Test
    void rendersSubjectHtmlAndTextInTheBrand() {
        MailTemplates.Rendered welcome = templates.render("welcome", Locale.ENGLISH, model("Ada"));
        assertEquals("Welcome to Northfield", welcome.subject());
        assertTrue(welcome.text().startsWith("Hello Ada,"), welcome::text);
        assertTrue(welcome.html().contains("background:#112233"), welcome::html);
        assertTrue(welcome.html().contains("mailto:help@north.example"), welcome::html);
    }

    @Test
    void escapesValuesInHtmlButNotInText() {
        MailTemplates.Rendered welcome =
                templates.render("welcome", Locale.ENGLISH, model("<script>alert(1)</script>"));
        assertFalse(welcome.html().contains("<script>"), welcome::html);
        assertTrue(welcome.html().contains("&lt;script&gt;"), welcome::html);
        assertTrue(welcome.text().contains("<script>"), "plain text is not HTML");
    }

    @Test
    void aTranslationIsUsedWhereOneExistsAndEnglishOtherwise() {
        assertEquals(
                "Te damos la bienvenida a Northfield",
                templates
                        .render("welcome", Locale.forLanguageTag("es-MX"), model("Ada"))
                        .subject());
        assertEquals(
                "Welcome to Northfield",
                templates.render("welcome", Locale.FRENCH, model("Ada")).subject());
    }

    @Test
    void aColourThatIsNotOneIsNotWrittenIntoTheStyle() {
        Map<String, Object> model = Map.of(
                "name",
                "Ada",
                "roles",
                "",
                "brand",
                Map.of("name", "N", "logoUrl", "", "color", "red;background:url(x)", "supportEmail", ""));
        assertFalse(templates.render("welcome", Locale.ENGLISH, model).html().contains("url(x)"));
    }

    @Test
    void anUnknownTemplateIsRefusedWhenAskedFor() {
        assertThrows(IllegalArgumentException.class, () -> templates.requireExists("no-such-message"));
    }
}
