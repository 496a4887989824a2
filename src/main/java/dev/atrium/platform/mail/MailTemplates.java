package dev.atrium.platform.mail;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The message templates (FreeMarker, in {@code src/main/resources/mail}): per message a subject
 * ({@code name.subject.ftl}), an HTML body ({@code name.html.ftlh}, every value HTML-escaped) and a plain-text body
 * ({@code name.txt.ftl}). Translations sit beside them with the language before the extension
 * ({@code welcome.subject_es.ftl}); FreeMarker's localised look-up takes the closest one and falls back to English.
 * The HTML body includes {@code layout.ftlh}, which draws the tenant's branding.
 */
@ApplicationScoped
public class MailTemplates {

    private Configuration freemarker;

    @PostConstruct
    void configure() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassLoaderForTemplateLoading(MailTemplates.class.getClassLoader(), "mail");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setLocalizedLookup(true);
    }

    /** A message as its three parts. */
    public record Rendered(String subject, String html, String text) {}

    public Rendered render(String name, Locale locale, Map<String, Object> model) {
        return new Rendered(
                part(name + ".subject.ftl", locale, model).strip(),
                part(name + ".html.ftlh", locale, model),
                part(name + ".txt.ftl", locale, model));
    }

    /** Refuses a template that does not exist when the message is asked for, not when it is sent. */
    void requireExists(String name) {
        try {
            freemarker.getTemplate(name + ".subject.ftl", Locale.ENGLISH);
        } catch (TemplateNotFoundException missing) {
            throw new IllegalArgumentException("No mail template '" + name + "'", missing);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private String part(String file, Locale locale, Map<String, Object> model) {
        try {
            Template template = freemarker.getTemplate(file, locale);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException | TemplateException failed) {
            throw new IllegalStateException("Mail template " + file + " could not be rendered", failed);
        }
    }
}
