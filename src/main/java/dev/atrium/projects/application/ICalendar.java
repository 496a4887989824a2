package dev.atrium.projects.application;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an iCalendar (RFC 5545) document of all-day events: CRLF line ends, lines folded at 75 octets, text values
 * escaped. Small enough to keep here rather than add a library to the WAR; the tests read its output with ical4j.
 */
final class ICalendar {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final StringBuilder out = new StringBuilder();
    private final String stamp;

    /** A calendar whose events carry {@code now} as their time stamp (DTSTAMP). */
    ICalendar(String name, OffsetDateTime now) {
        this.stamp = STAMP.format(now.withOffsetSameInstant(ZoneOffset.UTC));
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//Atrium//Projects//EN");
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        line("X-WR-CALNAME:" + text(name));
    }

    /** An all-day event on {@code day}. {@code cancelled} marks it so calendar apps strike it through. */
    ICalendar event(String uid, LocalDate day, String summary, String description, boolean cancelled) {
        line("BEGIN:VEVENT");
        line("UID:" + text(uid));
        line("DTSTAMP:" + stamp);
        line("DTSTART;VALUE=DATE:" + DATE.format(day));
        line("DTEND;VALUE=DATE:" + DATE.format(day.plusDays(1)));
        line("SUMMARY:" + text(summary));
        if (description != null && !description.isBlank()) {
            line("DESCRIPTION:" + text(description));
        }
        line("STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
        return this;
    }

    String end() {
        line("END:VCALENDAR");
        return out.toString();
    }

    /** RFC 5545 3.3.11: backslash, semicolon, comma and newlines escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    /** RFC 5545 3.1: lines longer than 75 octets continue on the next line after CRLF and a space. */
    private void line(String content) {
        int octets = 0;
        int start = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            int limit = start == 0 ? 75 : 74;
            if (octets + size > limit) {
                out.append(content, start, i).append("\r\n ");
                start = i;
                octets = 0;
            }
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(content, start, content.length()).append("\r\n");
    }
}
