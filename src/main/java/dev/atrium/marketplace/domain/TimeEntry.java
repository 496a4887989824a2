package dev.atrium.marketplace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Time a professional worked on an hourly contract on one day, with what they did. Made, changed and removed only
 * through its week ({@link Timesheet}), which keeps the week's total and freezes its entries once submitted.
 */
@Entity(name = "ContractTimeEntry")
@Table(name = "marketplace_time_entry")
public class TimeEntry {

    @Id
    private UUID id;

    @Column(name = "timesheet_id", nullable = false, updatable = false)
    private UUID timesheetId;

    @Column(name = "work_date", nullable = false, updatable = false)
    private LocalDate date;

    @Column(nullable = false)
    private int minutes;

    @Column(nullable = false)
    private String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected TimeEntry() {}

    static TimeEntry of(Timesheet week, LocalDate date, int minutes, String description, OffsetDateTime now) {
        TimeEntry entry = new TimeEntry();
        entry.id = UUID.randomUUID();
        entry.timesheetId = week.id();
        entry.date = date;
        entry.minutes = minutes;
        entry.description = description;
        entry.createdAt = now;
        entry.updatedAt = now;
        return entry;
    }

    void revise(int minutes, String description, OffsetDateTime now) {
        this.minutes = minutes;
        this.description = description;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID timesheetId() {
        return timesheetId;
    }

    public LocalDate date() {
        return date;
    }

    public int minutes() {
        return minutes;
    }

    public String description() {
        return description;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
