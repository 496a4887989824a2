package dev.atrium.projects.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ICalendarTest {

    @Test
    void escapesTextValues() {
        assertEquals("a\\, b\\; c\\\\ d\\ne", ICalendar.text("a, b; c\\ d\ne"));
    }

    @Test
    void foldsLinesAtSeventyFiveOctetsWithoutSplittingCharacters() {
        String summary = "ü".repeat(100);
        String document = new ICalendar("Test", java.time.OffsetDateTime.parse("2026-11-23T09:00:00Z"))
                .event("uid-1", LocalDate.of(2026, 12, 1), summary, null, false)
                .end();

        for (String line : document.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        String unfolded = document.replace("\r\n ", "");
        assertTrue(unfolded.contains("SUMMARY:" + summary));
        assertTrue(document.endsWith("END:VCALENDAR\r\n"));
    }

    @Test
    void weeksAreIsoWeeks() {
        assertEquals("2026-W47", TimeTracking.week(LocalDate.of(2026, 11, 22)));
        assertEquals("2026-W53", TimeTracking.week(LocalDate.of(2027, 1, 1)));
    }
}
