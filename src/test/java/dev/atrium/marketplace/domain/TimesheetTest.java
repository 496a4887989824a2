package dev.atrium.marketplace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.billing.Money;
import dev.atrium.platform.errors.AtriumException;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.InvalidRequestException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The rules of an hourly contract's weeks: which days take time, the weekly limit, frozen weeks, their payment. */
class TimesheetTest {

    /** Thursday of 2026-W47. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 19);

    private static final OffsetDateTime NOW = TODAY.atTime(10, 0).atOffset(ZoneOffset.UTC);

    private static final LocalDate STARTED = LocalDate.of(2026, 11, 2);

    private final UUID client = UUID.randomUUID();

    /** An hourly contract at 60.00 an hour, at most 10 hours a week. */
    private final Contract contract = hourly(6_000, 10);

    private final Timesheet week = Timesheet.open(contract, IsoWeek.of(TODAY), NOW);

    @Test
    void timeIsLoggedForTodayAndTheDaysOfThisWeekAndTheLastBeforeIt() {
        Timesheet.requireLoggable(TODAY, TODAY, STARTED);
        Timesheet.requireLoggable(LocalDate.of(2026, 11, 16), TODAY, STARTED);
        Timesheet.requireLoggable(LocalDate.of(2026, 11, 9), TODAY, STARTED);

        refused(
                InvalidRequestException.class,
                "date-not-loggable",
                () -> Timesheet.requireLoggable(TODAY.plusDays(1), TODAY, STARTED));
        refused(
                InvalidRequestException.class,
                "date-not-loggable",
                () -> Timesheet.requireLoggable(LocalDate.of(2026, 11, 8), TODAY, STARTED));
        refused(
                InvalidRequestException.class,
                "date-not-loggable",
                () -> Timesheet.requireLoggable(LocalDate.of(2026, 11, 10), TODAY, LocalDate.of(2026, 11, 11)));
    }

    @Test
    void onMondayLastWeekStillTakesTimeButTheWeekBeforeNoLonger() {
        LocalDate monday = LocalDate.of(2026, 11, 23);

        Timesheet.requireLoggable(LocalDate.of(2026, 11, 16), monday, STARTED);
        refused(
                InvalidRequestException.class,
                "date-not-loggable",
                () -> Timesheet.requireLoggable(LocalDate.of(2026, 11, 15), monday, STARTED));
    }

    @Test
    void aWeekIsSubmittedOnceItHasBegunAndOnlyIfTheContractRanInIt() {
        Timesheet.requireSubmittable(IsoWeek.of(TODAY), TODAY, STARTED);
        Timesheet.requireSubmittable(IsoWeek.of(STARTED), TODAY, STARTED);

        refused(
                InvalidRequestException.class,
                "week-not-begun",
                () -> Timesheet.requireSubmittable(IsoWeek.of(TODAY).next(), TODAY, STARTED));
        refused(
                InvalidRequestException.class,
                "week-before-contract",
                () -> Timesheet.requireSubmittable(IsoWeek.of(STARTED).previous(), TODAY, STARTED));
    }

    @Test
    void aWeekTakesTimeUpToItsLimitAndNotAMinuteMore() {
        log(TODAY, 450);
        ConflictException refused = refused(ConflictException.class, "weekly-limit", () -> log(TODAY, 151));
        assertTrue(refused.getMessage().contains("2 h 30 min left in week 2026-W47"), refused.getMessage());

        log(TODAY.minusDays(1), 150);
        assertEquals(600, week.minutes());
        assertEquals(2, week.entryCount());
        refused(ConflictException.class, "weekly-limit", () -> log(TODAY, 1));
    }

    @Test
    void aDayHoldsAtMostTwentyFourHours() {
        Timesheet roomy = Timesheet.open(hourly(6_000, 80), IsoWeek.of(TODAY), NOW);
        roomy.log(TODAY, 1_000, "Migration", 0, 80 * 60, NOW);

        refused(ConflictException.class, "day-full", () -> roomy.log(TODAY, 441, "More", 1_000, 80 * 60, NOW));
        roomy.log(TODAY, 440, "More", 1_000, 80 * 60, NOW);
    }

    @Test
    void anEntryIsForOneToFourteenHundredFortyMinutesAndSaysWhatWasDone() {
        refused(InvalidRequestException.class, "invalid-request", () -> log(TODAY, 0));
        refused(InvalidRequestException.class, "invalid-request", () -> log(TODAY, -30));
        refused(InvalidRequestException.class, "invalid-request", () -> week.log(TODAY, 30, " ", 0, 600, NOW));
        assertEquals(0, week.minutes());
    }

    @Test
    void changingAnEntryKeepsTheTotalAndTheLimit() {
        TimeEntry entry = log(TODAY, 300);
        log(TODAY.minusDays(1), 200);

        week.change(entry, 400, null, 300, 600, NOW);
        assertEquals(600, week.minutes());
        assertEquals(400, entry.minutes());
        refused(ConflictException.class, "weekly-limit", () -> week.change(entry, 401, null, 400, 600, NOW));

        week.change(entry, 60, "Shorter than I thought", 400, 600, NOW);
        assertEquals(260, week.minutes());
        assertEquals("Shorter than I thought", entry.description());

        week.remove(entry);
        assertEquals(200, week.minutes());
        assertEquals(1, week.entryCount());
    }

    @Test
    void aSubmittedWeekIsFrozenAndAnsweredOnce() {
        TimeEntry entry = log(TODAY, 90);
        week.submit(false, NOW);

        refused(ConflictException.class, "week-frozen", () -> log(TODAY, 30));
        refused(ConflictException.class, "week-frozen", () -> week.change(entry, 30, null, 90, 600, NOW));
        refused(ConflictException.class, "week-frozen", () -> week.remove(entry));
        refused(ConflictException.class, "timesheet-status", () -> week.submit(false, NOW));

        assertTrue(week.approve(client, NOW), "ninety minutes are paid");
        assertEquals(TimesheetStatus.APPROVED, week.status());
        refused(ConflictException.class, "timesheet-status", () -> week.approve(client, NOW));
        refused(ConflictException.class, "timesheet-status", () -> week.dispute(client, "No", NOW));
        refused(ConflictException.class, "week-frozen", () -> log(TODAY, 30));
    }

    @Test
    void aWeekWithoutTimeIsApprovedWithNothingToPay() {
        week.submit(false, NOW);

        assertFalse(week.approve(client, NOW));
    }

    @Test
    void aDisputedWeekPaysNothingUntilAnAdminApprovesItOrOpensItForCorrections() {
        TimeEntry entry = log(TODAY, 120);
        week.submit(false, NOW);
        week.dispute(client, "I saw no work on Thursday.", NOW);

        assertEquals(TimesheetStatus.DISPUTED, week.status());
        refused(ConflictException.class, "timesheet-status", () -> week.approve(client, NOW));
        refused(ConflictException.class, "week-frozen", () -> week.remove(entry));

        UUID admin = UUID.randomUUID();
        assertFalse(week.decide(Timesheet.Decision.REOPEN, admin, "Attach the commits.", NOW));
        assertEquals(TimesheetStatus.OPEN, week.status());
        week.change(entry, 60, null, 120, 600, NOW);
        week.submit(false, NOW);
        week.dispute(client, "Still no.", NOW);

        assertTrue(week.decide(Timesheet.Decision.APPROVE, admin, "The commits show the work.", NOW));
        assertEquals(TimesheetStatus.APPROVED, week.status());
        assertEquals(admin, week.answeredBy());
    }

    @Test
    void anApprovedWeekIsPaidByAMilestoneForItsHoursThatIsNeitherChangedNorCancelled() {
        Contract twentyHours = hourly(6_000, 20);
        Timesheet longWeek = Timesheet.open(twentyHours, IsoWeek.of(TODAY), NOW);
        longWeek.log(TODAY, 450, "Checkout pages", 0, 1_200, NOW);
        longWeek.log(TODAY.minusDays(1), 300, "Cart", 0, 1_200, NOW);
        longWeek.submit(false, NOW);
        longWeek.approve(client, NOW);

        Milestone milestone = Milestone.forApprovedWeek(twentyHours, 3, longWeek, NOW);

        assertEquals("Week 2026-W47, 12 h 30 min", milestone.title());
        assertEquals(Money.of(75_000, "eur"), milestone.amount());
        assertEquals(MilestoneStatus.PENDING, milestone.status());
        assertTrue(milestone.paysApprovedWork());
        refused(ConflictException.class, "approved-hours", () -> milestone.revise(null, 1L, null));
        refused(ConflictException.class, "approved-hours", milestone::cancel);

        assertTrue(milestone.funded(UUID.randomUUID(), NOW));
        milestone.approvedWorkFunded(NOW);
        assertEquals(MilestoneStatus.SUBMITTED, milestone.status());
        milestone.approve(NOW);
        assertEquals(MilestoneStatus.RELEASING, milestone.status(), "released by the one path, once");
        refused(ConflictException.class, "milestone-status", () -> milestone.approve(NOW));
    }

    @Test
    void aWeekNotApprovedMakesNoMilestone() {
        log(TODAY, 60);
        week.submit(false, NOW);

        assertThrows(IllegalArgumentException.class, () -> Milestone.forApprovedWeek(contract, 1, week, NOW));
    }

    @Test
    void anHourlyContractIsHiredAtTheBidWithALimitOfOneToEightyHours() {
        assertEquals(Pricing.HOURLY, contract.pricing());
        assertEquals(HourlyRate.of(6_000, "eur"), contract.hourlyRate());
        assertEquals(600, contract.weeklyLimitMinutes());
        assertThrows(InvalidRequestException.class, () -> hourly(6_000, 0));
        assertThrows(InvalidRequestException.class, () -> hourly(6_000, 81));
    }

    @Test
    void aFixedPriceContractKeepsNoTimesheets() {
        Job job = job(Pricing.FIXED);
        Contract fixed = Contract.hire(job, proposal(job, 50_000), NOW);

        assertEquals(Pricing.FIXED, fixed.pricing());
        refused(ConflictException.class, "not-hourly", () -> Timesheet.open(fixed, IsoWeek.of(TODAY), NOW));
    }

    private TimeEntry log(LocalDate date, int minutes) {
        return week.log(date, minutes, "Checkout pages", 0, contract.weeklyLimitMinutes(), NOW);
    }

    private Contract hourly(long rate, int weeklyLimitHours) {
        Job job = job(Pricing.HOURLY);
        return Contract.hireByTheHour(job, proposal(job, rate), weeklyLimitHours, NOW);
    }

    private Job job(Pricing pricing) {
        Job job = Job.draft(
                client,
                new Job.Details(
                        "Shop",
                        "A web shop",
                        null,
                        pricing,
                        "eur",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Set.of(),
                        "",
                        List.of(),
                        Set.of()),
                NOW);
        job.publish(NOW);
        return job;
    }

    private static Proposal proposal(Job job, long bid) {
        return Proposal.submit(
                job, UUID.randomUUID(), new Proposal.Terms("I build shops.", bid, 10, List.of(), Set.of()), NOW);
    }

    private static <T extends AtriumException> T refused(Class<T> type, String slug, Executable action) {
        T refused = assertThrows(type, action);
        assertEquals(slug, refused.typeSlug(), refused::getMessage);
        return refused;
    }
}
