package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.ContractStatus;
import dev.atrium.marketplace.domain.HourlyRate;
import dev.atrium.marketplace.domain.IsoWeek;
import dev.atrium.marketplace.domain.Milestone;
import dev.atrium.marketplace.domain.Pricing;
import dev.atrium.marketplace.domain.Profile;
import dev.atrium.marketplace.domain.Submission;
import dev.atrium.marketplace.domain.TimeEntry;
import dev.atrium.marketplace.domain.Timesheet;
import dev.atrium.marketplace.domain.TimesheetStatus;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.InvalidParameterException;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.jobs.Jobs;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The weeks of hourly contracts. The professional logs time (within the weekly limit, on days of the current or the
 * previous week that have begun where they are: their profile's time zone, UTC without one), changes it while the week
 * is open, and submits the week; a week still open when no more time can be logged in it is submitted automatically
 * ({@link TimesheetAutoSubmit}). The client approves a submitted week, which makes a milestone for its hours, or
 * disputes it; the tenant's admins decide disputed weeks. An approved week's milestone is funded by the client like
 * any other and released as soon as it is funded ({@link #approvedWorkFunded}). Every change of a contract's time
 * happens under the contract's lock, so the weekly limit holds against two requests at once.
 */
@ApplicationScoped
public class TimesheetDesk {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceAccess access;

    @Inject
    ContractDesk contracts;

    @Inject
    TimesheetNotifications notifications;

    @Inject
    Jobs jobs;

    @Inject
    Now clock;

    @TenantTransactional
    public TimesheetViews.EntryView log(UUID contractId, LocalDate date, int minutes, String description) {
        Contract contract = asProfessional(contractId, "Only the contract's professional logs time.");
        contract.requireActive("time is logged on active contracts");
        requireLoggable(contract, date);
        Timesheet week = weekToLog(contract, IsoWeek.of(date));
        week.requireOpen();
        TimeEntry entry = week.log(
                date, minutes, description, loggedOn(week, date), contract.weeklyLimitMinutes(), clock.dateTime());
        em.persist(entry);
        em.flush();
        return TimesheetViews.EntryView.of(entry);
    }

    @TenantTransactional
    public TimesheetViews.EntryView change(UUID contractId, UUID entryId, Integer minutes, String description) {
        Contract contract = asProfessional(contractId, "Only the contract's professional changes their time.");
        contract.requireActive("time is changed on active contracts");
        TimeEntry entry = entry(contract, entryId);
        Timesheet week = em.find(Timesheet.class, entry.timesheetId());
        week.requireOpen();
        requireLoggable(contract, entry.date());
        week.change(
                entry,
                minutes,
                description,
                loggedOn(week, entry.date()),
                contract.weeklyLimitMinutes(),
                clock.dateTime());
        em.flush();
        return TimesheetViews.EntryView.of(entry);
    }

    @TenantTransactional
    public void remove(UUID contractId, UUID entryId) {
        Contract contract = asProfessional(contractId, "Only the contract's professional removes their time.");
        contract.requireActive("time is changed on active contracts");
        TimeEntry entry = entry(contract, entryId);
        Timesheet week = em.find(Timesheet.class, entry.timesheetId());
        week.requireOpen();
        requireLoggable(contract, entry.date());
        week.remove(entry);
        em.remove(entry);
        em.flush();
    }

    /** A week with its entries, for the contract's parties and the admins. */
    @TenantTransactional
    public TimesheetViews.WeekView week(UUID contractId, String weekName) {
        Contract contract = access.contract(contractId, false).contract();
        contract.requireHourly();
        return view(contract, week(weekName));
    }

    /** The contract's weeks that have time or were submitted, newest first, without their entries. */
    @TenantTransactional
    public Page<TimesheetViews.WeekView> weeks(UUID contractId, TimesheetStatus status, PageRequest page) {
        Contract contract = access.contract(contractId, false).contract();
        contract.requireHourly();
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("c", contractId);
        String where = " where t.contractId = :c";
        if (status != null) {
            where += " and t.status = :status";
            parameters.put("status", status);
        }
        Page<Timesheet> sheets = JpaPages.page(
                em, Timesheet.class, "ContractTimesheet t", where, "t.weekStart desc, t.id", parameters, page);
        Map<UUID, Milestone> paying = milestonesPaying(sheets.items());
        return sheets.map(
                sheet -> TimesheetViews.WeekView.of(contract, sheet.week(), sheet, paying.get(sheet.id()), null));
    }

    /** The professional hands the week to the client; its entries are frozen from now on. */
    @TenantTransactional
    public TimesheetViews.WeekView submit(UUID contractId, String weekName) {
        Contract contract = asProfessional(contractId, "Only the contract's professional submits their time.");
        if (contract.status() == ContractStatus.ENDED) {
            throw new ConflictException("contract-ended", "Contract ended", "This contract has ended.");
        }
        IsoWeek week = week(weekName);
        ZoneId zone = zoneOf(contract);
        Timesheet.requireSubmittable(week, today(zone), startDate(contract, zone));
        Timesheet sheet = weekToLog(contract, week);
        sheet.submit(false, clock.dateTime());
        em.flush();
        notifications.weekSubmitted(contract, sheet, contract.professionalId());
        return view(contract, week);
    }

    /** The client approves a submitted week: its hours become a milestone for the client to fund. */
    @TenantTransactional
    public TimesheetViews.WeekView approve(UUID contractId, String weekName) {
        Contract contract = asClient(contractId);
        Timesheet sheet = existing(contract, week(weekName));
        UUID by = access.caller().memberId();
        if (sheet.approve(by, clock.dateTime())) {
            pay(contract, sheet);
        }
        em.flush();
        notifications.weekApproved(contract, sheet, by);
        return view(contract, sheet.week());
    }

    /** The client disputes a submitted week: nothing is paid for it until an admin decides. */
    @TenantTransactional
    public TimesheetViews.WeekView dispute(UUID contractId, String weekName, String reason) {
        Contract contract = asClient(contractId);
        Timesheet sheet = existing(contract, week(weekName));
        UUID by = access.caller().memberId();
        sheet.dispute(by, reason, clock.dateTime());
        em.flush();
        notifications.weekDisputed(contract, sheet, by);
        return view(contract, sheet.week());
    }

    /** An admin decides a disputed week: approved as submitted (and paid), or opened again for corrections. */
    @TenantTransactional
    public TimesheetViews.WeekView decide(UUID contractId, String weekName, Timesheet.Decision decision, String note) {
        Membership admin = requireAdmin();
        Contract contract = access.contract(contractId, true).contract();
        contract.requireHourly();
        if (contract.partyOf(admin.memberId()).isPresent()) {
            throw new ForbiddenException(
                    "party-to-dispute",
                    "Party to the dispute",
                    "An admin does not decide a dispute over their own contract.");
        }
        Timesheet sheet = existing(contract, week(weekName));
        if (sheet.decide(decision, admin.memberId(), note, clock.dateTime())) {
            pay(contract, sheet);
        }
        em.flush();
        if (decision == Timesheet.Decision.APPROVE) {
            notifications.weekApproved(contract, sheet, admin.memberId());
        } else {
            notifications.weekReopened(contract, sheet, admin.memberId());
        }
        return view(contract, sheet.week());
    }

    /** The tenant's disputed weeks, oldest submission first (admins). */
    @TenantTransactional
    public Page<TimesheetViews.WeekView> disputed(PageRequest page) {
        requireAdmin();
        Page<Timesheet> sheets = JpaPages.page(
                em,
                Timesheet.class,
                "ContractTimesheet t",
                " where t.status = :status",
                "t.submittedAt, t.id",
                Map.of("status", TimesheetStatus.DISPUTED),
                page);
        Map<UUID, Contract> contractsOf = sheets.items().isEmpty()
                ? Map.of()
                : em.createQuery("select c from Contract c where c.id in :ids", Contract.class)
                        .setParameter(
                                "ids",
                                sheets.items().stream()
                                        .map(Timesheet::contractId)
                                        .toList())
                        .getResultStream()
                        .collect(Collectors.toMap(Contract::id, Function.identity()));
        return sheets.map(sheet ->
                TimesheetViews.WeekView.of(contractsOf.get(sheet.contractId()), sheet.week(), sheet, null, null));
    }

    /**
     * The client funded the milestone of an approved week (in billing's transaction that recorded the payment): the
     * work was approved already, so it is released at once, by the one path every release takes.
     */
    void approvedWorkFunded(Contract contract, Milestone milestone) {
        OffsetDateTime now = clock.dateTime();
        milestone.approvedWorkFunded(now);
        Timesheet week = em.find(Timesheet.class, milestone.timesheetId());
        em.persist(Submission.of(
                milestone,
                "Week " + week.week() + ": " + HourlyRate.duration(week.minutes()) + " approved on "
                        + week.answeredAt().toLocalDate() + ".",
                Set.of()));
        contracts.release(contract, milestone, Submission.Answer.APPROVED, "Paid for approved hours.");
    }

    /**
     * Refuses to end an hourly contract while time in it is not settled: a week with time still open, or one waiting
     * on the client or an admin. (An approved week's milestone that is not paid refuses on its own: it cannot be
     * cancelled.)
     */
    void requireHoursSettled(Contract contract) {
        if (contract.pricing() != Pricing.HOURLY) {
            return;
        }
        List<Timesheet> unsettled = em.createQuery(
                        "select t from ContractTimesheet t where t.contractId = :c and (t.status in :waiting"
                                + " or (t.status = :open and t.minutes > 0)) order by t.weekStart",
                        Timesheet.class)
                .setParameter("c", contract.id())
                .setParameter("waiting", List.of(TimesheetStatus.SUBMITTED, TimesheetStatus.DISPUTED))
                .setParameter("open", TimesheetStatus.OPEN)
                .setMaxResults(1)
                .getResultList();
        if (!unsettled.isEmpty()) {
            Timesheet week = unsettled.get(0);
            throw new ConflictException(
                    "hours-unsettled",
                    "Hours not settled",
                    "Week " + week.week() + " of this contract is " + Views.idOf(week.status())
                            + " with time in it: submit it (or remove its time) and have it approved before ending.");
        }
    }

    private void pay(Contract contract, Timesheet sheet) {
        int position = em.createQuery(
                                "select coalesce(max(m.position), 0) from ContractMilestone m where m.contractId = :c",
                                Number.class)
                        .setParameter("c", contract.id())
                        .getSingleResult()
                        .intValue()
                + 1;
        em.persist(Milestone.forApprovedWeek(contract, position, sheet, clock.dateTime()));
    }

    private TimesheetViews.WeekView view(Contract contract, IsoWeek week) {
        Timesheet sheet = sheetOf(contract, week);
        if (sheet == null) {
            return TimesheetViews.WeekView.of(contract, week, null, null, List.of());
        }
        List<TimeEntry> entries = em.createQuery(
                        "select e from ContractTimeEntry e where e.timesheetId = :t order by e.date, e.createdAt, e.id",
                        TimeEntry.class)
                .setParameter("t", sheet.id())
                .setMaxResults(Timesheet.MAX_ENTRIES)
                .getResultList();
        return TimesheetViews.WeekView.of(
                contract, week, sheet, milestonesPaying(List.of(sheet)).get(sheet.id()), entries);
    }

    private Map<UUID, Milestone> milestonesPaying(List<Timesheet> sheets) {
        if (sheets.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select m from ContractMilestone m where m.timesheetId in :t", Milestone.class)
                .setParameter("t", sheets.stream().map(Timesheet::id).toList())
                .getResultStream()
                .collect(Collectors.toMap(Milestone::timesheetId, Function.identity()));
    }

    /** The week's sheet, made (and its automatic submission scheduled) the first time it is needed. */
    private Timesheet weekToLog(Contract contract, IsoWeek week) {
        Timesheet sheet = sheetOf(contract, week);
        if (sheet != null) {
            return sheet;
        }
        sheet = Timesheet.open(contract, week, clock.dateTime());
        em.persist(sheet);
        TimesheetAutoSubmit.schedule(jobs, sheet);
        return sheet;
    }

    private Timesheet sheetOf(Contract contract, IsoWeek week) {
        return em.createQuery(
                        "select t from ContractTimesheet t where t.contractId = :c and t.weekStart = :w",
                        Timesheet.class)
                .setParameter("c", contract.id())
                .setParameter("w", week.monday())
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private Timesheet existing(Contract contract, IsoWeek week) {
        Timesheet sheet = sheetOf(contract, week);
        if (sheet == null) {
            throw new ConflictException(
                    "timesheet-status", "Timesheet status", "Week " + week + " has not been submitted.");
        }
        return sheet;
    }

    private int loggedOn(Timesheet week, LocalDate date) {
        return em.createQuery(
                        "select coalesce(sum(e.minutes), 0) from ContractTimeEntry e"
                                + " where e.timesheetId = :t and e.date = :d",
                        Number.class)
                .setParameter("t", week.id())
                .setParameter("d", date)
                .getSingleResult()
                .intValue();
    }

    private TimeEntry entry(Contract contract, UUID entryId) {
        TimeEntry entry = em.find(TimeEntry.class, entryId);
        if (entry != null) {
            Timesheet week = em.find(Timesheet.class, entry.timesheetId());
            if (week.contractId().equals(contract.id())) {
                return entry;
            }
        }
        throw new ResourceNotFoundException("There is no time entry " + entryId + " in this contract.");
    }

    private void requireLoggable(Contract contract, LocalDate date) {
        ZoneId zone = zoneOf(contract);
        Timesheet.requireLoggable(date, today(zone), startDate(contract, zone));
    }

    /** Where the professional is, for which day is "today": their profile's time zone, or UTC. */
    private ZoneId zoneOf(Contract contract) {
        Profile profile = em.find(Profile.class, contract.professionalId());
        return profile == null || profile.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(profile.timeZone());
    }

    private LocalDate today(ZoneId zone) {
        return clock.dateTime().atZoneSameInstant(zone).toLocalDate();
    }

    private static LocalDate startDate(Contract contract, ZoneId zone) {
        return contract.startedAt().atZoneSameInstant(zone).toLocalDate();
    }

    private static IsoWeek week(String name) {
        return IsoWeek.parse(name)
                .orElseThrow(() -> new InvalidParameterException("week", "is an ISO week such as 2026-W47"));
    }

    private Contract asProfessional(UUID contractId, String what) {
        MarketplaceAccess.ContractGrant grant = access.contract(contractId, true);
        if (!grant.actsAsProfessional()) {
            throw MarketplaceAccess.notYourPart(what);
        }
        grant.contract().requireHourly();
        return grant.contract();
    }

    private Contract asClient(UUID contractId) {
        MarketplaceAccess.ContractGrant grant = access.contract(contractId, true);
        if (!grant.actsAsClient()) {
            throw MarketplaceAccess.notYourPart("Only the contract's client approves or disputes its weeks.");
        }
        grant.contract().requireHourly();
        return grant.contract();
    }

    private Membership requireAdmin() {
        Membership caller = access.caller();
        if (!MarketplaceAccess.isAdmin(caller)) {
            throw new ForbiddenException(
                    "role-not-held", "Role not held", "Disputed weeks are decided by the tenant's admins.");
        }
        return caller;
    }
}
