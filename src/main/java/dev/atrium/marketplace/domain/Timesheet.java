package dev.atrium.marketplace.domain;

import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.persistence.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * One ISO week of an hourly contract (see {@link TimesheetStatus}): the time its professional logged in it, kept
 * within the contract's weekly limit and at most 24 hours a day. Its entries change only while it is open; once
 * submitted they are frozen, and what the client approves is exactly what was submitted. An approved week with time in
 * it is paid by one milestone ({@link Milestone#forApprovedWeek}).
 */
@Entity(name = "ContractTimesheet")
@Table(name = "marketplace_timesheet")
public class Timesheet {

    /** A week's entries are a few lines a day, not a line a minute: the week's list stays bounded. */
    public static final int MAX_ENTRIES = 100;

    private static final int MINUTES_A_DAY = 24 * 60;

    /** An admin's answer to a disputed week: the hours stand, or the professional corrects them and submits again. */
    public enum Decision {
        APPROVE,
        REOPEN
    }

    @Id
    private UUID id;

    @Column(name = "contract_id", nullable = false, updatable = false)
    private UUID contractId;

    @Column(name = "week_start", nullable = false, updatable = false)
    private LocalDate weekStart;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TimesheetStatus status;

    @Column(nullable = false)
    private int minutes;

    @Column(name = "entry_count", nullable = false)
    private int entryCount;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "auto_submitted", nullable = false)
    private boolean autoSubmitted;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    @Column(name = "answered_by")
    @Convert(converter = NullableUuid.class)
    private UUID answeredBy;

    @Column(name = "dispute_reason")
    private String disputeReason;

    @Column(name = "decision_note")
    private String decisionNote;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Timesheet() {}

    /** A week of an hourly contract, open and empty. */
    public static Timesheet open(Contract contract, IsoWeek week, OffsetDateTime now) {
        contract.requireHourly();
        Timesheet sheet = new Timesheet();
        sheet.id = UUID.randomUUID();
        sheet.contractId = contract.id();
        sheet.weekStart = week.monday();
        sheet.status = TimesheetStatus.OPEN;
        sheet.createdAt = now;
        return sheet;
    }

    /**
     * Time is logged (and changed) for a day that has begun where the professional is and that lies in the current
     * week or the one before it: hours are reported while fresh, and a week closes once the week after it has ended
     * (from then on it can still be submitted, not filled in). Never for a day before the contract started.
     */
    public static void requireLoggable(LocalDate date, LocalDate today, LocalDate contractStart) {
        if (date.isAfter(today)) {
            throw notLoggable("Time is logged for today (" + today + ") or the days before it, not for " + date + ".");
        }
        LocalDate earliest = IsoWeek.of(today).previous().monday();
        if (date.isBefore(earliest)) {
            throw notLoggable("Time is logged in the current or the previous week only: from " + earliest + " on.");
        }
        if (date.isBefore(contractStart)) {
            throw notLoggable("The contract started on " + contractStart + "; no time is logged before.");
        }
    }

    /** A week is submitted once it has begun, and only if the contract ran in it. */
    public static void requireSubmittable(IsoWeek week, LocalDate today, LocalDate contractStart) {
        if (week.isAfter(IsoWeek.of(today))) {
            throw new InvalidRequestException(
                    "week-not-begun", "Week not begun", "Week " + week + " has not begun; it cannot be submitted.");
        }
        if (week.sunday().isBefore(contractStart)) {
            throw new InvalidRequestException(
                    "week-before-contract",
                    "Week before the contract",
                    "The contract started on " + contractStart + ", after week " + week + ".");
        }
    }

    /**
     * Logs time on a day of this week. @param loggedThatDay the minutes already logged on that day in this week
     * @param weeklyLimit the contract's weekly limit, in minutes
     */
    public TimeEntry log(
            LocalDate date, int minutes, String description, int loggedThatDay, int weeklyLimit, OffsetDateTime now) {
        requireOpen();
        if (!week().contains(date)) {
            throw new IllegalArgumentException(date + " is not in week " + week());
        }
        requireMinutes(minutes, description);
        if (entryCount >= MAX_ENTRIES) {
            throw new ConflictException(
                    "week-entries",
                    "Too many entries",
                    "A week holds at most " + MAX_ENTRIES + " entries; add time to an existing one.");
        }
        requireFits(date, this.minutes + minutes, loggedThatDay + minutes, weeklyLimit);
        this.minutes += minutes;
        entryCount++;
        return TimeEntry.of(this, date, minutes, description, now);
    }

    /**
     * Changes an entry's time or description (its day stays: another day is a new entry). @param loggedThatDay the
     * minutes logged on the entry's day in this week, the entry's own included
     */
    public void change(
            TimeEntry entry,
            Integer minutes,
            String description,
            int loggedThatDay,
            int weeklyLimit,
            OffsetDateTime now) {
        requireOpen();
        requireOwn(entry);
        int newMinutes = minutes == null ? entry.minutes() : minutes;
        String newDescription = description == null ? entry.description() : description;
        requireMinutes(newMinutes, newDescription);
        int delta = newMinutes - entry.minutes();
        if (delta > 0) {
            requireFits(entry.date(), this.minutes + delta, loggedThatDay + delta, weeklyLimit);
        }
        this.minutes += delta;
        entry.revise(newMinutes, newDescription, now);
    }

    /** Takes an entry out of the week (the caller removes it). */
    public void remove(TimeEntry entry) {
        requireOpen();
        requireOwn(entry);
        minutes -= entry.minutes();
        entryCount--;
    }

    /** The week goes to the client: its entries are frozen from now on. */
    public void submit(boolean automatically, OffsetDateTime now) {
        if (status != TimesheetStatus.OPEN) {
            throw conflict("submitted");
        }
        status = TimesheetStatus.SUBMITTED;
        submittedAt = now;
        autoSubmitted = automatically;
        answeredAt = null;
        answeredBy = null;
    }

    /** The client accepts the submitted hours. @return whether they are to be paid (there are any) */
    public boolean approve(UUID by, OffsetDateTime now) {
        if (status != TimesheetStatus.SUBMITTED) {
            throw conflict("approved");
        }
        answered(TimesheetStatus.APPROVED, by, now);
        return minutes > 0;
    }

    /** The client does not accept the submitted hours: nothing is paid until an admin decides. */
    public void dispute(UUID by, String reason, OffsetDateTime now) {
        if (status != TimesheetStatus.SUBMITTED) {
            throw conflict("disputed");
        }
        answered(TimesheetStatus.DISPUTED, by, now);
        disputeReason = reason;
    }

    /** An admin decides a disputed week. @return whether its hours are now to be paid */
    public boolean decide(Decision decision, UUID admin, String note, OffsetDateTime now) {
        if (status != TimesheetStatus.DISPUTED) {
            throw conflict("decided");
        }
        decisionNote = note;
        if (decision == Decision.REOPEN) {
            answered(TimesheetStatus.OPEN, admin, now);
            return false;
        }
        answered(TimesheetStatus.APPROVED, admin, now);
        return minutes > 0;
    }

    /** How its milestone is called: {@code Week 2026-W47, 12 h 30 min}. */
    public String milestoneTitle() {
        return "Week " + week() + ", " + HourlyRate.duration(minutes);
    }

    private void answered(TimesheetStatus next, UUID by, OffsetDateTime now) {
        status = next;
        answeredBy = by;
        answeredAt = now;
    }

    private void requireFits(LocalDate date, int weekTotal, int dayTotal, int weeklyLimit) {
        if (weekTotal > weeklyLimit) {
            int left = Math.max(weeklyLimit - this.minutes, 0);
            throw new ConflictException(
                    "weekly-limit",
                    "Weekly limit reached",
                    "This contract's weekly limit is " + HourlyRate.duration(weeklyLimit) + ": "
                            + HourlyRate.duration(left) + " left in week " + week() + ".");
        }
        if (dayTotal > MINUTES_A_DAY) {
            throw new ConflictException(
                    "day-full", "Day full", "A day has 24 hours; more than that would be logged on " + date + ".");
        }
    }

    private static void requireMinutes(int minutes, String description) {
        if (minutes < 1 || minutes > MINUTES_A_DAY) {
            throw new InvalidRequestException("An entry is for 1 to 1440 minutes of one day.");
        }
        if (description == null || description.isBlank()) {
            throw new InvalidRequestException("An entry says what was done.");
        }
    }

    /** Its time changes only while it is open. */
    public void requireOpen() {
        if (status != TimesheetStatus.OPEN) {
            throw new ConflictException(
                    "week-frozen",
                    "Week frozen",
                    "Week " + week() + " is " + name() + "; its time can no longer change.");
        }
    }

    private void requireOwn(TimeEntry entry) {
        if (!entry.timesheetId().equals(id)) {
            throw new IllegalArgumentException("Entry " + entry.id() + " is not in week " + week());
        }
    }

    private static InvalidRequestException notLoggable(String detail) {
        return new InvalidRequestException("date-not-loggable", "Date not loggable", detail);
    }

    private ConflictException conflict(String what) {
        return new ConflictException(
                "timesheet-status", "Timesheet status", "A " + name() + " week cannot be " + what + ".");
    }

    private String name() {
        return status.name().toLowerCase(Locale.ROOT);
    }

    public IsoWeek week() {
        return new IsoWeek(weekStart);
    }

    public UUID id() {
        return id;
    }

    public UUID contractId() {
        return contractId;
    }

    public TimesheetStatus status() {
        return status;
    }

    public int minutes() {
        return minutes;
    }

    public int entryCount() {
        return entryCount;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public boolean autoSubmitted() {
        return autoSubmitted;
    }

    public OffsetDateTime answeredAt() {
        return answeredAt;
    }

    public UUID answeredBy() {
        return answeredBy;
    }

    public String disputeReason() {
        return disputeReason;
    }

    public String decisionNote() {
        return decisionNote;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
