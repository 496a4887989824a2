package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.IsoWeek;
import dev.atrium.marketplace.domain.Milestone;
import dev.atrium.marketplace.domain.TimeEntry;
import dev.atrium.marketplace.domain.Timesheet;
import dev.atrium.marketplace.domain.TimesheetStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What the API answers about an hourly contract's weeks. Time is in minutes; amounts in integer minor units of the
 * contract's currency; weeks are named as ISO 8601 does ({@code 2026-W47}); statuses in lower case.
 */
public final class TimesheetViews {

    private TimesheetViews() {}

    public record EntryView(
            UUID id,
            String week,
            LocalDate date,
            int minutes,
            String description,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            long version) {

        static EntryView of(TimeEntry entry) {
            return new EntryView(
                    entry.id(),
                    IsoWeek.of(entry.date()).toString(),
                    entry.date(),
                    entry.minutes(),
                    entry.description(),
                    entry.createdAt(),
                    entry.updatedAt(),
                    entry.version());
        }
    }

    /**
     * A week of an hourly contract (one nobody logged in yet reads as open and empty, without an id).
     *
     * @param amount what its hours cost at the contract's rate (what approving it asks the client to pay)
     * @param minutesLeft what may still be logged in it under the weekly limit
     * @param milestoneId the milestone that pays it, once approved (none for a week without hours)
     * @param entries its entries by day, in a single week's answer (not in lists)
     */
    public record WeekView(
            UUID id,
            UUID contractId,
            String week,
            LocalDate start,
            LocalDate end,
            String status,
            int minutes,
            int limitMinutes,
            int minutesLeft,
            long hourlyRate,
            long amount,
            String currency,
            int entryCount,
            boolean autoSubmitted,
            OffsetDateTime submittedAt,
            OffsetDateTime answeredAt,
            UUID answeredBy,
            String disputeReason,
            String decisionNote,
            UUID milestoneId,
            String milestoneStatus,
            List<EntryView> entries,
            Long version) {

        static WeekView of(
                Contract contract, IsoWeek week, Timesheet sheet, Milestone milestone, List<TimeEntry> entries) {
            int minutes = sheet == null ? 0 : sheet.minutes();
            int limit = contract.weeklyLimitMinutes();
            return new WeekView(
                    sheet == null ? null : sheet.id(),
                    contract.id(),
                    week.toString(),
                    week.monday(),
                    week.sunday(),
                    Views.idOf(sheet == null ? TimesheetStatus.OPEN : sheet.status()),
                    minutes,
                    limit,
                    Math.max(limit - minutes, 0),
                    contract.hourlyRate().perHour().minor(),
                    contract.hourlyRate().forMinutes(minutes).minor(),
                    contract.currency(),
                    sheet == null ? 0 : sheet.entryCount(),
                    sheet != null && sheet.autoSubmitted(),
                    sheet == null ? null : sheet.submittedAt(),
                    sheet == null ? null : sheet.answeredAt(),
                    sheet == null ? null : sheet.answeredBy(),
                    sheet == null ? null : sheet.disputeReason(),
                    sheet == null ? null : sheet.decisionNote(),
                    milestone == null ? null : milestone.id(),
                    milestone == null ? null : Views.idOf(milestone.status()),
                    entries == null ? null : entries.stream().map(EntryView::of).toList(),
                    sheet == null ? null : sheet.version());
        }
    }
}
