package dev.atrium.marketplace.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO 8601 week, Monday to Sunday, named {@code 2026-W47} (the week-based year, which differs from the calendar
 * year around New Year: 2026-12-31 is in 2026-W53, 2027-01-01 too). A week is a set of calendar dates, the same
 * wherever one stands; only which day is "today" depends on a time zone.
 */
public record IsoWeek(LocalDate monday) implements Comparable<IsoWeek> {

    private static final Pattern NAME = Pattern.compile("(\\d{4})-W(\\d{2})");

    public IsoWeek {
        Objects.requireNonNull(monday);
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException(monday + " is not a Monday");
        }
    }

    /** The week a date is in. */
    public static IsoWeek of(LocalDate date) {
        return new IsoWeek(date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /** The week named {@code 2026-W47}, if that names a week (week 53 exists in some years only). */
    public static Optional<IsoWeek> parse(String name) {
        Matcher matcher = name == null ? null : NAME.matcher(name);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(matcher.group(1));
        long week = Long.parseLong(matcher.group(2));
        // 4 January is always in week 1 of its week-based year.
        LocalDate inYear = LocalDate.of(year, 1, 4);
        if (week < 1
                || week
                        > IsoFields.WEEK_OF_WEEK_BASED_YEAR
                                .rangeRefinedBy(inYear)
                                .getMaximum()) {
            return Optional.empty();
        }
        return Optional.of(of(inYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)));
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(monday) && !date.isAfter(sunday());
    }

    public IsoWeek previous() {
        return new IsoWeek(monday.minusWeeks(1));
    }

    public IsoWeek next() {
        return new IsoWeek(monday.plusWeeks(1));
    }

    public boolean isAfter(IsoWeek other) {
        return monday.isAfter(other.monday);
    }

    public boolean isBefore(IsoWeek other) {
        return monday.isBefore(other.monday);
    }

    /**
     * When time can no longer be logged in this week anywhere on Earth: the Monday two weeks on (from then on it is
     * neither the current nor the previous week) has begun in every time zone by 14:00 UTC (UTC-12 reaches Monday at
     * 12:00 UTC).
     */
    public Instant closedEverywhereAt() {
        return monday.plusWeeks(2).atTime(LocalTime.of(14, 0)).toInstant(ZoneOffset.UTC);
    }

    @Override
    public int compareTo(IsoWeek other) {
        return monday.compareTo(other.monday);
    }

    @Override
    public String toString() {
        return String.format(
                "%04d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
