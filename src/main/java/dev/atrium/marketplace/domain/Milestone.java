package dev.atrium.marketplace.domain;

import dev.atrium.billing.Money;
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
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * A fixed-price part of a contract (see {@link MilestoneStatus}). Its money is in billing's escrow ({@code escrowId});
 * it becomes FUNDED, RELEASED and REFUNDED only when billing reports what the payment provider confirmed, and is
 * released once: every path to release (the client's approval, the automatic release, an admin's decision) leaves
 * SUBMITTED, FUNDED or DISPUTED, which only one of them can do.
 */
@Entity(name = "ContractMilestone")
@Table(name = "marketplace_milestone")
public class Milestone {

    @Id
    private UUID id;

    @Column(name = "contract_id", nullable = false, updatable = false)
    private UUID contractId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private long amount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MilestoneStatus status;

    @Column(name = "escrow_id")
    @Convert(converter = NullableUuid.class)
    private UUID escrowId;

    @Column(name = "funded_at")
    private OffsetDateTime fundedAt;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "release_due_at")
    private OffsetDateTime releaseDueAt;

    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;

    @Column(name = "released_at")
    private OffsetDateTime releasedAt;

    @Column(name = "released_amount")
    private Long releasedAmount;

    @Column(name = "refunded_amount")
    private Long refundedAmount;

    /** What the professional received of the release, after the platform's fee and the tenant's share. */
    @Column(name = "earned_amount")
    private Long earnedAmount;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    /** The approved week of an hourly contract it pays, if it does: its amount is that week's hours, not negotiable. */
    @Column(name = "timesheet_id", updatable = false)
    @Convert(converter = NullableUuid.class)
    private UUID timesheetId;

    @Version
    private long version;

    protected Milestone() {}

    public static Milestone plan(
            Contract contract, int position, String title, Money amount, LocalDate dueDate, OffsetDateTime now) {
        contract.requireActive("milestones are added to active contracts");
        if (!amount.currency().equals(contract.currency())) {
            throw new InvalidRequestException("The contract is in " + contract.currency() + ".");
        }
        if (!amount.isPositive()) {
            throw new InvalidRequestException("A milestone is for a positive amount.");
        }
        Milestone milestone = new Milestone();
        milestone.id = UUID.randomUUID();
        milestone.contractId = contract.id();
        milestone.position = position;
        milestone.title = title;
        milestone.amount = amount.minor();
        milestone.currency = amount.currency();
        milestone.dueDate = dueDate;
        milestone.status = MilestoneStatus.PENDING;
        milestone.createdAt = now;
        return milestone;
    }

    /**
     * The payment for an approved week of an hourly contract: its hours at the contract's rate (see
     * {@link HourlyRate}). The client funds it like any milestone; it is released as soon as it is funded, since the
     * work was approved already ({@link #approvedWorkFunded}).
     */
    public static Milestone forApprovedWeek(Contract contract, int position, Timesheet week, OffsetDateTime now) {
        if (week.status() != TimesheetStatus.APPROVED
                || week.minutes() == 0
                || !week.contractId().equals(contract.id())) {
            throw new IllegalArgumentException(
                    "Week " + week.id() + " has no approved hours of contract " + contract.id());
        }
        Milestone milestone = new Milestone();
        milestone.id = UUID.randomUUID();
        milestone.contractId = contract.id();
        milestone.position = position;
        milestone.title = week.milestoneTitle();
        Money amount = contract.hourlyRate().forMinutes(week.minutes());
        milestone.amount = amount.minor();
        milestone.currency = amount.currency();
        milestone.status = MilestoneStatus.PENDING;
        milestone.timesheetId = week.id();
        milestone.createdAt = now;
        return milestone;
    }

    /** Whether it pays work the client approved before funding it (an hourly contract's week). */
    public boolean paysApprovedWork() {
        return timesheetId != null;
    }

    /**
     * Funded, it pays work already approved: it passes through SUBMITTED at once, so that it is released by the same
     * one path as any milestone (and released once).
     */
    public void approvedWorkFunded(OffsetDateTime now) {
        if (!paysApprovedWork() || status != MilestoneStatus.FUNDED) {
            throw conflict("submitted as approved work");
        }
        status = MilestoneStatus.SUBMITTED;
        submittedAt = now;
        releaseDueAt = null;
    }

    /** Changes it while it is not funded (a Checkout already opened for the old amount lapses unused). */
    public void revise(String title, Long amount, LocalDate dueDate) {
        if (paysApprovedWork()) {
            throw approvedWork("changed");
        }
        if (status != MilestoneStatus.PENDING) {
            throw conflict("changed");
        }
        if (title != null) {
            this.title = title;
        }
        if (amount != null) {
            if (amount <= 0) {
                throw new InvalidRequestException("A milestone is for a positive amount.");
            }
            this.amount = amount;
        }
        if (dueDate != null) {
            this.dueDate = dueDate;
        }
    }

    /** The client opened its funding: the escrow hold that pays it. */
    public void fundingOpened(UUID escrowId) {
        if (status != MilestoneStatus.PENDING) {
            throw conflict("funded");
        }
        this.escrowId = escrowId;
    }

    /** Billing confirmed the payment into escrow. @return whether this made it funded (the first time) */
    public boolean funded(UUID escrowId, OffsetDateTime now) {
        if (status != MilestoneStatus.PENDING) {
            return false;
        }
        this.escrowId = escrowId;
        status = MilestoneStatus.FUNDED;
        fundedAt = now;
        return true;
    }

    /** The professional hands in work: released automatically after {@code window} unless the client answers. */
    public void submit(Duration window, OffsetDateTime now) {
        if (status != MilestoneStatus.FUNDED) {
            throw new ConflictException(
                    "milestone-not-funded",
                    "Milestone not funded",
                    status == MilestoneStatus.PENDING
                            ? "Work is submitted once the milestone is funded."
                            : "A " + name() + " milestone takes no submission.");
        }
        status = MilestoneStatus.SUBMITTED;
        // As the database keeps it (microseconds), so that the automatic release recognises its submission.
        submittedAt = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        releaseDueAt = now.plus(window);
    }

    /** The client asks for changes: back to work, the automatic release off until the next submission. */
    public void changesRequested() {
        requireSubmitted("sent back");
        status = MilestoneStatus.FUNDED;
        releaseDueAt = null;
    }

    /** The client approves the work (or its window passed): the release is decided, the money follows. */
    public void approve(OffsetDateTime now) {
        requireSubmitted("approved");
        status = MilestoneStatus.RELEASING;
        approvedAt = now;
        releaseDueAt = null;
    }

    /** Whether its automatic release is due for the submission made at {@code submittedAt}. */
    public boolean releaseDue(OffsetDateTime submittedAt, OffsetDateTime now) {
        return status == MilestoneStatus.SUBMITTED
                && this.submittedAt != null
                && submittedAt.isEqual(this.submittedAt)
                && releaseDueAt != null
                && !releaseDueAt.isAfter(now);
    }

    public void disputed() {
        if (status != MilestoneStatus.FUNDED && status != MilestoneStatus.SUBMITTED) {
            throw conflict("disputed");
        }
        status = MilestoneStatus.DISPUTED;
        releaseDueAt = null;
    }

    /** An admin decided a dispute: {@code released} goes to the professional, the rest back to the client. */
    public void decided(Money released, OffsetDateTime now) {
        if (status != MilestoneStatus.DISPUTED) {
            throw conflict("decided");
        }
        status = released.isPositive() ? MilestoneStatus.RELEASING : MilestoneStatus.REFUNDING;
        approvedAt = released.isPositive() ? now : null;
    }

    /** The professional gives the client's money back (they cannot do the work, or agreed to). */
    public void refundedByProfessional() {
        if (status != MilestoneStatus.FUNDED && status != MilestoneStatus.SUBMITTED) {
            throw conflict("refunded");
        }
        status = MilestoneStatus.REFUNDING;
        releaseDueAt = null;
    }

    /** Billing transferred the professional's part: {@code earned} of the {@code released} amount. */
    public void released(Money released, Money earned, OffsetDateTime now) {
        if (status == MilestoneStatus.RELEASING) {
            status = MilestoneStatus.RELEASED;
        }
        releasedAmount = released.minor();
        earnedAmount = earned.minor();
        releasedAt = now;
    }

    /** Billing confirmed the refund to the client (all of it, or the part a dispute's decision sent back). */
    public void refunded(Money refunded) {
        refundedAmount = refunded.minor();
        if (status == MilestoneStatus.REFUNDING) {
            status = MilestoneStatus.REFUNDED;
        }
    }

    /** The client's bank took the payment back while it was held: nothing is left to release. */
    public void chargedBack() {
        if (status.holdsMoney()) {
            status = MilestoneStatus.REFUNDED;
            refundedAmount = amount;
            releaseDueAt = null;
        }
    }

    /** Removes it before it is funded. */
    public void cancel() {
        if (paysApprovedWork()) {
            throw approvedWork("cancelled");
        }
        if (status != MilestoneStatus.PENDING) {
            throw conflict("cancelled");
        }
        status = MilestoneStatus.CANCELLED;
    }

    /** Whether the work was handed in by its due date (for the professional's on-time rate). */
    public boolean deliveredOnTime() {
        return dueDate == null
                || (submittedAt != null && !submittedAt.toLocalDate().isAfter(dueDate));
    }

    private void requireSubmitted(String what) {
        if (status != MilestoneStatus.SUBMITTED) {
            throw conflict(what);
        }
    }

    private ConflictException conflict(String what) {
        return new ConflictException(
                "milestone-status", "Milestone status", "A " + name() + " milestone cannot be " + what + ".");
    }

    private ConflictException approvedWork(String what) {
        return new ConflictException(
                "approved-hours",
                "Approved hours",
                "\"" + title + "\" pays hours the client approved; it cannot be " + what + ", only funded.");
    }

    private String name() {
        return status.name().toLowerCase(Locale.ROOT);
    }

    public UUID id() {
        return id;
    }

    public UUID contractId() {
        return contractId;
    }

    public int position() {
        return position;
    }

    public String title() {
        return title;
    }

    public Money amount() {
        return Money.of(amount, currency);
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public MilestoneStatus status() {
        return status;
    }

    public UUID escrowId() {
        return escrowId;
    }

    public OffsetDateTime fundedAt() {
        return fundedAt;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public OffsetDateTime releaseDueAt() {
        return releaseDueAt;
    }

    public OffsetDateTime approvedAt() {
        return approvedAt;
    }

    public OffsetDateTime releasedAt() {
        return releasedAt;
    }

    public Money releasedAmount() {
        return releasedAmount == null ? null : Money.of(releasedAmount, currency);
    }

    public Money earnedAmount() {
        return earnedAmount == null ? null : Money.of(earnedAmount, currency);
    }

    public Money refundedAmount() {
        return refundedAmount == null ? null : Money.of(refundedAmount, currency);
    }

    public long version() {
        return version;
    }

    public UUID timesheetId() {
        return timesheetId;
    }
}
