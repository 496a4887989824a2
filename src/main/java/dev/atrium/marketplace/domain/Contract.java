package dev.atrium.marketplace.domain;

import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ForbiddenException;
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
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * An agreement between a client and a professional, made by hiring a proposal or ordering a service (whose tier then
 * limits the changes the client may ask for): fixed-price work in milestones, each
 * paid into escrow before work on it starts. Paused by its client, it funds no new milestone; it ends when no money
 * is held in it any more. When one of its parties leaves the tenant, it goes to the tenant's admins.
 *
 * <p>Hired on an hourly job, it is paid by the hour instead, at the proposal's bid and up to a weekly limit the client
 * set: the professional logs time in weekly {@link Timesheet}s, and each week the client approves is paid by a
 * milestone for its hours.
 */
@Entity
@Table(name = "marketplace_contract")
public class Contract {

    /** A member's part in a contract. */
    public enum Party {
        CLIENT,
        PROFESSIONAL
    }

    @Id
    private UUID id;

    @Column(name = "job_id", updatable = false)
    @Convert(converter = NullableUuid.class)
    private UUID jobId;

    @Column(name = "proposal_id", updatable = false)
    @Convert(converter = NullableUuid.class)
    private UUID proposalId;

    @Column(name = "service_id", updatable = false)
    @Convert(converter = NullableUuid.class)
    private UUID serviceId;

    /** How many times per milestone the client may ask for changes: a service tier's revisions; null, no limit. */
    @Column(name = "revisions_allowed", updatable = false)
    private Integer revisionsAllowed;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(name = "professional_id", nullable = false, updatable = false)
    private UUID professionalId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContractStatus status;

    @Column(name = "needs_admin", nullable = false)
    private boolean needsAdmin;

    @Column(name = "started_at", nullable = false, updatable = false)
    private OffsetDateTime startedAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    @Column(name = "end_reason")
    private String endReason;

    /** Fixed unless hired by the hour: every contract made elsewhere is paid in milestones. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Pricing pricing = Pricing.FIXED;

    @Column(name = "hourly_rate", updatable = false)
    private Long hourlyRate;

    @Column(name = "weekly_limit_minutes")
    private Integer weeklyLimitMinutes;

    @Version
    private long version;

    protected Contract() {}

    /** Hiring a proposal: the job's client and the proposal's professional, in the job's currency. */
    public static Contract hire(Job job, Proposal proposal, OffsetDateTime now) {
        Contract contract = new Contract();
        contract.id = UUID.randomUUID();
        contract.jobId = job.id();
        contract.proposalId = proposal.id();
        contract.clientId = job.clientId();
        contract.professionalId = proposal.professionalId();
        contract.title = job.title();
        contract.currency = job.currency();
        contract.status = ContractStatus.ACTIVE;
        contract.startedAt = now;
        return contract;
    }

    /** The most hours a week a client may allow: two full-time weeks. */
    public static final int MAX_WEEKLY_HOURS = 80;

    /**
     * Hiring a proposal on an hourly job: paid by the hour at the proposal's bid, at most {@code weeklyLimitHours} a
     * week.
     */
    public static Contract hireByTheHour(Job job, Proposal proposal, int weeklyLimitHours, OffsetDateTime now) {
        if (job.pricing() != Pricing.HOURLY) {
            throw new IllegalArgumentException("Job " + job.id() + " is not paid by the hour");
        }
        if (weeklyLimitHours < 1 || weeklyLimitHours > MAX_WEEKLY_HOURS) {
            throw new InvalidRequestException(
                    "A weekly limit is between 1 and " + MAX_WEEKLY_HOURS + " hours, not " + weeklyLimitHours + ".");
        }
        Contract contract = hire(job, proposal, now);
        contract.pricing = Pricing.HOURLY;
        contract.hourlyRate = proposal.bid().minor();
        contract.weeklyLimitMinutes = weeklyLimitHours * 60;
        return contract;
    }

    /** Time is logged and weeks are approved on hourly contracts only. */
    public void requireHourly() {
        if (pricing != Pricing.HOURLY) {
            throw new ConflictException(
                    "not-hourly", "Not an hourly contract", "This contract has a fixed price; it keeps no timesheets.");
        }
    }

    /**
     * Ordering a tier of an active service: the client and the service's professional, in the service's currency, with
     * the tier's revisions as the changes the client may ask for. A professional does not order their own service.
     */
    public static Contract order(Service service, TierLevel tier, UUID clientId, OffsetDateTime now) {
        if (service.professionalId().equals(clientId)) {
            throw new ForbiddenException(
                    "own-service", "Own service", "A professional cannot order their own service.");
        }
        ServiceTier ordered = service.tierToOrder(tier);
        Contract contract = new Contract();
        contract.id = UUID.randomUUID();
        contract.serviceId = service.id();
        contract.revisionsAllowed = ordered.revisions();
        contract.clientId = java.util.Objects.requireNonNull(clientId);
        contract.professionalId = service.professionalId();
        contract.title = service.title();
        contract.currency = service.currency();
        contract.status = ContractStatus.ACTIVE;
        contract.startedAt = now;
        return contract;
    }

    /**
     * Before the client asks for changes to a milestone for which they asked {@code changesRequested} times already:
     * refused once the allowance is used (the work can still be approved, or disputed).
     */
    public void requireRevisionLeft(long changesRequested) {
        if (revisionsAllowed != null && changesRequested >= revisionsAllowed) {
            throw new ConflictException(
                    "revisions-used",
                    "Revisions used",
                    "This order includes " + revisionsAllowed + " revision(s), all asked for; approve the work or"
                            + " open a dispute.");
        }
    }

    /** The caller's part in it, if any. */
    public Optional<Party> partyOf(UUID memberId) {
        if (clientId.equals(memberId)) {
            return Optional.of(Party.CLIENT);
        }
        if (professionalId.equals(memberId)) {
            return Optional.of(Party.PROFESSIONAL);
        }
        return Optional.empty();
    }

    public void pause() {
        requireStatus(ContractStatus.ACTIVE, "paused");
        status = ContractStatus.PAUSED;
    }

    public void resume() {
        requireStatus(ContractStatus.PAUSED, "resumed");
        status = ContractStatus.ACTIVE;
    }

    /** Ends it; the caller checked that no money is held in it. */
    public void end(String reason, OffsetDateTime now) {
        if (status == ContractStatus.ENDED) {
            throw new ConflictException("contract-ended", "Contract ended", "This contract has ended already.");
        }
        status = ContractStatus.ENDED;
        endReason = reason;
        endedAt = now;
    }

    /** One of its parties left the tenant: an admin takes it over (its held money is theirs to decide). */
    public void partyLeft() {
        needsAdmin = true;
    }

    /** New milestones are added and funded only while it is active. */
    public void requireActive(String what) {
        if (status != ContractStatus.ACTIVE) {
            throw new ConflictException(
                    "contract-not-active",
                    "Contract not active",
                    "This contract is " + status.name().toLowerCase(java.util.Locale.ROOT) + "; " + what + ".");
        }
    }

    private void requireStatus(ContractStatus expected, String what) {
        if (status != expected) {
            throw new ConflictException(
                    "contract-status",
                    "Contract status",
                    "A " + status.name().toLowerCase(java.util.Locale.ROOT) + " contract cannot be " + what + ".");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID jobId() {
        return jobId;
    }

    public UUID proposalId() {
        return proposalId;
    }

    public UUID serviceId() {
        return serviceId;
    }

    public Integer revisionsAllowed() {
        return revisionsAllowed;
    }

    public UUID clientId() {
        return clientId;
    }

    public UUID professionalId() {
        return professionalId;
    }

    public String title() {
        return title;
    }

    public String currency() {
        return currency;
    }

    public ContractStatus status() {
        return status;
    }

    public boolean needsAdmin() {
        return needsAdmin;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public OffsetDateTime endedAt() {
        return endedAt;
    }

    public String endReason() {
        return endReason;
    }

    public long version() {
        return version;
    }

    public Pricing pricing() {
        return pricing;
    }

    /** Its price per hour; null for a fixed-price contract. */
    public HourlyRate hourlyRate() {
        return hourlyRate == null ? null : HourlyRate.of(hourlyRate, currency);
    }

    /** The most time its professional logs in a week, in minutes; null for a fixed-price contract. */
    public Integer weeklyLimitMinutes() {
        return weeklyLimitMinutes;
    }
}
