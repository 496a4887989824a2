package dev.atrium.marketplace.domain;

import dev.atrium.billing.Money;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.InvalidRequestException;
import dev.atrium.platform.persistence.NullableUuid;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A client's job: what is to be done, for which budget, by whom. A draft until published; open, it takes proposals
 * (until its deadline); closed, it takes none but its proposals can still be hired; filled once someone is hired;
 * cancelled by its client. Its screening questions cannot change once proposals answer them.
 */
@Entity
@Table(name = "marketplace_job")
public class Job {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String description;

    @Column(name = "category_id")
    @Convert(converter = NullableUuid.class)
    private UUID categoryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Pricing pricing;

    @Column(nullable = false)
    private String currency;

    @Column(name = "budget_min")
    private Long budgetMin;

    @Column(name = "budget_max")
    private Long budgetMax;

    @Enumerated(EnumType.STRING)
    private JobDuration duration;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExperienceLevel experience;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobVisibility visibility;

    private LocalDate deadline;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobStatus status;

    /** The names of its skills, kept for full-text search (the search column is generated from it). */
    @Column(name = "skill_names", nullable = false)
    private String skillNames = "";

    /** Kept by the proposals' use case in the database (not through the entity: it is not the client's change). */
    @Column(name = "proposal_count", nullable = false, insertable = false, updatable = false)
    private int proposalCount;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "marketplace_job_skill", joinColumns = @JoinColumn(name = "job_id"))
    @Column(name = "skill_id")
    private Set<UUID> skills = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "marketplace_job_question", joinColumns = @JoinColumn(name = "job_id"))
    @OrderColumn(name = "position")
    @Column(name = "question")
    private List<String> questions = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "marketplace_job_attachment", joinColumns = @JoinColumn(name = "job_id"))
    @Column(name = "media_id")
    private Set<UUID> attachments = new HashSet<>();

    protected Job() {}

    /**
     * What a client says about a job; in a revision, a {@code null} part stays as it was. @param skills with
     * {@code skillNames} their names (the caller resolved them against the tenant's skills)
     */
    public record Details(
            String title,
            String description,
            UUID categoryId,
            Pricing pricing,
            String currency,
            Long budgetMin,
            Long budgetMax,
            JobDuration duration,
            ExperienceLevel experience,
            JobVisibility visibility,
            LocalDate deadline,
            Set<UUID> skills,
            String skillNames,
            List<String> questions,
            Set<UUID> attachments) {}

    public static Job draft(UUID clientId, Details details, OffsetDateTime now) {
        if (details.title() == null || details.description() == null || details.pricing() == null) {
            throw new InvalidRequestException("A job needs a title, a description and its pricing (fixed or hourly).");
        }
        if (details.currency() == null) {
            throw new InvalidRequestException("A job needs the currency of its budget.");
        }
        Job job = new Job();
        job.id = UUID.randomUUID();
        job.clientId = Objects.requireNonNull(clientId);
        job.status = JobStatus.DRAFT;
        job.experience = ExperienceLevel.INTERMEDIATE;
        job.visibility = JobVisibility.MEMBERS;
        job.createdAt = now;
        job.apply(details, now);
        return job;
    }

    /** Changes the job while it is a draft or open; its questions only while nobody has answered them. */
    public void revise(Details changes, OffsetDateTime now) {
        if (status != JobStatus.DRAFT && status != JobStatus.OPEN) {
            throw new ConflictException(
                    "job-not-editable", "Job not editable", "A " + status.name().toLowerCase() + " job is not edited.");
        }
        if (changes.questions() != null
                && proposalCount > 0
                && !changes.questions().equals(questions)) {
            throw new ConflictException(
                    "questions-answered",
                    "Questions answered",
                    "Proposals have answered this job's screening questions; they no longer change.");
        }
        if (changes.currency() != null
                && proposalCount > 0
                && !changes.currency().equals(currency)) {
            throw new ConflictException(
                    "currency-bid", "Currency bid in", "Proposals bid in " + currency + "; it no longer changes.");
        }
        apply(changes, now);
    }

    private void apply(Details details, OffsetDateTime now) {
        if (details.title() != null) {
            title = details.title().strip();
        }
        if (details.description() != null) {
            description = details.description();
        }
        if (details.categoryId() != null) {
            categoryId = details.categoryId();
        }
        if (details.pricing() != null) {
            pricing = details.pricing();
        }
        if (details.currency() != null) {
            currency = details.currency();
        }
        if (details.budgetMin() != null) {
            budgetMin = details.budgetMin();
        }
        if (details.budgetMax() != null) {
            budgetMax = details.budgetMax();
        }
        if (budgetMin != null && budgetMax != null && budgetMin > budgetMax) {
            throw new InvalidRequestException("The budget's minimum is above its maximum.");
        }
        if (details.duration() != null) {
            duration = details.duration();
        }
        if (details.experience() != null) {
            experience = details.experience();
        }
        if (details.visibility() != null) {
            visibility = details.visibility();
        }
        if (details.deadline() != null) {
            deadline = details.deadline();
        }
        if (details.skills() != null) {
            skills.clear();
            skills.addAll(details.skills());
            skillNames = details.skillNames() == null ? "" : details.skillNames();
        }
        if (details.questions() != null) {
            questions.clear();
            questions.addAll(details.questions());
        }
        if (details.attachments() != null) {
            attachments.clear();
            attachments.addAll(details.attachments());
        }
        updatedAt = now;
    }

    /** Opens a draft (or a closed job) to proposals. */
    public void publish(OffsetDateTime now) {
        if (status != JobStatus.DRAFT && status != JobStatus.CLOSED) {
            throw transition("published");
        }
        if (deadline != null && deadline.isBefore(now.toLocalDate())) {
            throw new InvalidRequestException("The job's deadline has passed; set a later one to publish it.");
        }
        status = JobStatus.OPEN;
        if (publishedAt == null) {
            publishedAt = now;
        }
        updatedAt = now;
    }

    /** Stops taking proposals; those received can still be hired. */
    public void close(OffsetDateTime now) {
        if (status != JobStatus.OPEN) {
            throw transition("closed");
        }
        status = JobStatus.CLOSED;
        updatedAt = now;
    }

    public void cancel(OffsetDateTime now) {
        if (status == JobStatus.FILLED || status == JobStatus.CANCELLED) {
            throw transition("cancelled");
        }
        status = JobStatus.CANCELLED;
        updatedAt = now;
    }

    /** Someone was hired: the job takes no more proposals (its client may still hire another of those received). */
    public void filled(OffsetDateTime now) {
        if (status == JobStatus.CANCELLED || status == JobStatus.DRAFT) {
            throw transition("filled");
        }
        status = JobStatus.FILLED;
        updatedAt = now;
    }

    /** Whether a professional can propose now: open, and its deadline (if any) not passed. */
    public boolean takesProposals(LocalDate today) {
        return status == JobStatus.OPEN && (deadline == null || !deadline.isBefore(today));
    }

    /** Whether its proposals can be hired: not a draft, not cancelled. */
    public boolean hires() {
        return status == JobStatus.OPEN || status == JobStatus.CLOSED || status == JobStatus.FILLED;
    }

    /** The budget as the client set it (either end may be absent). */
    public Money budgetMinimum() {
        return budgetMin == null ? null : Money.of(budgetMin, currency);
    }

    public Money budgetMaximum() {
        return budgetMax == null ? null : Money.of(budgetMax, currency);
    }

    private ConflictException transition(String to) {
        return new ConflictException(
                "job-status",
                "Job status",
                "A " + status.name().toLowerCase(java.util.Locale.ROOT) + " job cannot be " + to + ".");
    }

    public UUID id() {
        return id;
    }

    public UUID clientId() {
        return clientId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public UUID categoryId() {
        return categoryId;
    }

    public Pricing pricing() {
        return pricing;
    }

    public String currency() {
        return currency;
    }

    public JobDuration duration() {
        return duration;
    }

    public ExperienceLevel experience() {
        return experience;
    }

    public JobVisibility visibility() {
        return visibility;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public JobStatus status() {
        return status;
    }

    public int proposalCount() {
        return proposalCount;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
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

    public Set<UUID> skills() {
        return Set.copyOf(skills);
    }

    public List<String> questions() {
        return List.copyOf(questions);
    }

    public Set<UUID> attachments() {
        return Set.copyOf(attachments);
    }
}
