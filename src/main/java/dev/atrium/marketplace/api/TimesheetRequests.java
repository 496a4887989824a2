package dev.atrium.marketplace.api;

import dev.atrium.marketplace.domain.Timesheet;
import dev.atrium.platform.api.OneOf;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Request bodies of an hourly contract's timesheets: time in whole minutes, days as ISO dates ({@code 2026-11-23}). */
public final class TimesheetRequests {

    private TimesheetRequests() {}

    /** Time worked on one day (at most a whole day), and what was done. */
    public record TimeLogged(
            @NotNull LocalDate date,
            @NotNull @Positive @Max(1440) Integer minutes,
            @NotBlank @Size(max = 2000) String description) {}

    /** A change of an entry's time or description (parts left out stay). */
    public record TimeChanges(
            @Positive @Max(1440) Integer minutes,
            @Size(min = 1, max = 2000) String description) {}

    public record WeekDispute(@NotBlank @Size(max = 5000) String reason) {}

    /** An admin's decision on a disputed week: {@code approve} (the hours stand) or {@code reopen} (to correct). */
    public record WeekDecision(
            @NotNull @OneOf(Timesheet.Decision.class) String decision,
            @Size(max = 2000) String note) {

        Timesheet.Decision value() {
            return MarketplaceRequests.enumOrNull(Timesheet.Decision.class, decision);
        }
    }
}
