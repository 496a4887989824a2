package dev.atrium.marketplace.domain;

import dev.atrium.billing.Money;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.InvalidRequestException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A professional's proposal on a job: a cover letter, a bid (the whole price, or the hourly rate, in the job's
 * currency), an estimate, and an answer to each of the job's screening questions. One per professional and job (the
 * table's key holds it even against two submissions at once), never on one's own job. Revised in place while open.
 */
@Entity
@Table(name = "marketplace_proposal")
public class Proposal {

    @Id
    private UUID id;

    @Column(name = "job_id", nullable = false, updatable = false)
    private UUID jobId;

    @Column(name = "professional_id", nullable = false, updatable = false)
    private UUID professionalId;

    @Column(name = "cover_letter", nullable = false)
    private String coverLetter;

    @Column(nullable = false)
    private long bid;

    @Column(nullable = false)
    private String currency;

    @Column(name = "estimated_days")
    private Integer estimatedDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProposalStatus status;

    @Column(name = "decline_reason")
    private String declineReason;

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private OffsetDateTime submittedAt;

    @Column(name = "revised_at")
    private OffsetDateTime revisedAt;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "marketplace_proposal_answer", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderColumn(name = "position")
    @Column(name = "answer")
    private List<String> answers = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "marketplace_proposal_attachment", joinColumns = @JoinColumn(name = "proposal_id"))
    @Column(name = "media_id")
    private Set<UUID> attachments = new HashSet<>();

    protected Proposal() {}

    /** What a professional offers; in a revision, a {@code null} part stays as it was. */
    public record Terms(
            String coverLetter, Long bid, Integer estimatedDays, List<String> answers, Set<UUID> attachments) {}

    public static Proposal submit(Job job, UUID professionalId, Terms terms, OffsetDateTime now) {
        if (job.clientId().equals(professionalId)) {
            throw new ForbiddenException(
                    "own-job", "Own job", "A professional cannot propose on a job they posted themselves.");
        }
        if (!job.takesProposals(now.toLocalDate())) {
            throw new ConflictException(
                    "job-not-open",
                    "Job not open",
                    "This job does not take proposals (it is not open, or its deadline passed).");
        }
        if (terms.coverLetter() == null || terms.bid() == null) {
            throw new InvalidRequestException("A proposal needs a cover letter and a bid.");
        }
        Proposal proposal = new Proposal();
        proposal.id = UUID.randomUUID();
        proposal.jobId = job.id();
        proposal.professionalId = professionalId;
        proposal.currency = job.currency();
        proposal.status = ProposalStatus.SUBMITTED;
        proposal.submittedAt = now;
        proposal.apply(job, terms);
        if (terms.answers() == null) {
            proposal.requireAnswers(job);
        }
        return proposal;
    }

    /** The professional changes their proposal while the client has not decided on it. */
    public void revise(Job job, Terms changes, OffsetDateTime now) {
        requireOpen("revised");
        apply(job, changes);
        revisedAt = now;
    }

    private void apply(Job job, Terms terms) {
        if (terms.coverLetter() != null) {
            coverLetter = terms.coverLetter();
        }
        if (terms.bid() != null) {
            if (terms.bid() <= 0) {
                throw new InvalidRequestException("A bid is a positive amount.");
            }
            bid = terms.bid();
        }
        if (terms.estimatedDays() != null) {
            estimatedDays = terms.estimatedDays();
        }
        if (terms.answers() != null) {
            answers.clear();
            answers.addAll(terms.answers());
            requireAnswers(job);
        }
        if (terms.attachments() != null) {
            attachments.clear();
            attachments.addAll(terms.attachments());
        }
    }

    private void requireAnswers(Job job) {
        if (answers.size() != job.questions().size() || answers.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw new InvalidRequestException("The job asks " + job.questions().size()
                    + " screening question(s); a proposal answers each of them, in order.");
        }
    }

    public void withdraw(OffsetDateTime now) {
        requireOpen("withdrawn");
        status = ProposalStatus.WITHDRAWN;
        decidedAt = now;
    }

    public void shortlist(OffsetDateTime now) {
        requireOpen("shortlisted");
        status = ProposalStatus.SHORTLISTED;
        decidedAt = now;
    }

    public void decline(String reason, OffsetDateTime now) {
        requireOpen("declined");
        status = ProposalStatus.DECLINED;
        declineReason = reason;
        decidedAt = now;
    }

    /** The client hides it from their list (or shows it again); nothing else changes. */
    public void archive(boolean archived) {
        this.archived = archived;
    }

    public void hired(OffsetDateTime now) {
        requireOpen("hired");
        status = ProposalStatus.HIRED;
        decidedAt = now;
    }

    private void requireOpen(String what) {
        if (!status.isOpen()) {
            throw new ConflictException(
                    "proposal-decided",
                    "Proposal decided",
                    "A " + status.name().toLowerCase(java.util.Locale.ROOT) + " proposal cannot be " + what + ".");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID jobId() {
        return jobId;
    }

    public UUID professionalId() {
        return professionalId;
    }

    public String coverLetter() {
        return coverLetter;
    }

    public Money bid() {
        return Money.of(bid, currency);
    }

    public Integer estimatedDays() {
        return estimatedDays;
    }

    public ProposalStatus status() {
        return status;
    }

    public String declineReason() {
        return declineReason;
    }

    public boolean archived() {
        return archived;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public OffsetDateTime revisedAt() {
        return revisedAt;
    }

    public long version() {
        return version;
    }

    public List<String> answers() {
        return List.copyOf(answers);
    }

    public Set<UUID> attachments() {
        return Set.copyOf(attachments);
    }
}
