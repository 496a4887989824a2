package dev.atrium.marketplace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

    @Test
    void aWeekRunsFromMondayToSunday() {
        IsoWeek week = IsoWeek.of(LocalDate.of(2026, 11, 22));

        assertEquals(LocalDate.of(2026, 11, 16), week.monday());
        assertEquals(LocalDate.of(2026, 11, 22), week.sunday());
        assertEquals("2026-W47", week.toString());
        assertTrue(week.contains(LocalDate.of(2026, 11, 16)));
        assertFalse(week.contains(LocalDate.of(2026, 11, 23)), "the next Monday starts the next week");
        assertEquals("2026-W48", week.next().toString());
        assertEquals("2026-W46", week.previous().toString());
    }

    @Test
    void theWeekBasedYearIsNotTheCalendarYear() {
        assertEquals("2026-W53", IsoWeek.of(LocalDate.of(2027, 1, 1)).toString());
        assertEquals("2025-W01", IsoWeek.of(LocalDate.of(2024, 12, 31)).toString());
        assertEquals(
                LocalDate.of(2024, 12, 30),
                IsoWeek.parse("2025-W01").orElseThrow().monday());
    }

    @Test
    void aNameParsesBackToItsWeek() {
        assertEquals(
                LocalDate.of(2026, 11, 16),
                IsoWeek.parse("2026-W47").orElseThrow().monday());
        assertEquals(
                LocalDate.of(2026, 12, 28),
                IsoWeek.parse("2026-W53").orElseThrow().monday());
        for (LocalDate day = LocalDate.of(2020, 1, 1); day.isBefore(LocalDate.of(2030, 1, 1)); day = day.plusDays(5)) {
            IsoWeek week = IsoWeek.of(day);
            assertEquals(Optional.of(week), IsoWeek.parse(week.toString()), day::toString);
        }
    }

    @Test
    void whatNamesNoWeekDoesNotParse() {
        assertEquals(Optional.empty(), IsoWeek.parse("2025-W53"), "2025 has 52 weeks");
        assertEquals(Optional.empty(), IsoWeek.parse("2026-W00"));
        assertEquals(Optional.empty(), IsoWeek.parse("2026-47"));
        assertEquals(Optional.empty(), IsoWeek.parse("2026-W4"));
        assertEquals(Optional.empty(), IsoWeek.parse("last week"));
        assertEquals(Optional.empty(), IsoWeek.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new IsoWeek(LocalDate.of(2026, 11, 17)));
    }

    @Test
    void aWeekClosesEverywhereOnceTheMondayTwoWeeksOnHasBegunInTheLastTimeZone() {
        assertEquals(
                Instant.parse("2026-11-30T14:00:00Z"),
                IsoWeek.parse("2026-W47").orElseThrow().closedEverywhereAt());
    }
}
