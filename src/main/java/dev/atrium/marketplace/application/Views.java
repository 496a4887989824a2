package dev.atrium.marketplace.application;

import dev.atrium.billing.Money;
import dev.atrium.marketplace.domain.Category;
import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.Dispute;
import dev.atrium.marketplace.domain.Job;
import dev.atrium.marketplace.domain.Milestone;
import dev.atrium.marketplace.domain.PortfolioItem;
import dev.atrium.marketplace.domain.Profile;
import dev.atrium.marketplace.domain.Proposal;
import dev.atrium.marketplace.domain.Skill;
import dev.atrium.marketplace.domain.Submission;
import dev.atrium.platform.api.EnumIds;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the marketplace's API answers. Amounts are integer minor units of the named ISO currency; enumerations are
 * spelled lower case ({@code in_progress} style), as requests spell them.
 */
public final class Views {

    private Views() {}

    static String idOf(Enum<?> value) {
        return value == null ? null : EnumIds.idOf(value);
    }

    static Long minor(Money money) {
        return money == null ? null : money.minor();
    }

    public record CategoryView(UUID id, String slug, String name, String description, int position, boolean active) {

        static CategoryView of(Category category) {
            return new CategoryView(
                    category.id(),
                    category.slug(),
                    category.name(),
                    category.description(),
                    category.position(),
                    category.active());
        }
    }

    public record SkillView(UUID id, String slug, String name, String category, boolean active) {

        static SkillView of(Skill skill, Taxonomy.Catalogue catalogue) {
            return new SkillView(
                    skill.id(), skill.slug(), skill.name(), catalogue.categorySlug(skill.categoryId()), skill.active());
        }
    }

    /** The facts the marketplace keeps about a professional (never written by them). */
    public record ProfileFacts(
            int completedContracts, Double averageRating, int ratingCount, Double onTimeRate, int repeatClients) {

        static ProfileFacts of(Profile profile) {
            return new ProfileFacts(
                    profile.completedContracts(),
                    profile.averageRating(),
                    profile.ratingCount(),
                    profile.onTimeRate(),
                    profile.repeatClients());
        }
    }

    public record PortfolioItemView(
            UUID id, String title, String description, UUID mediaId, String link, int position) {

        static PortfolioItemView of(PortfolioItem item) {
            return new PortfolioItemView(
                    item.id(), item.title(), item.description(), item.mediaId(), item.link(), item.position());
        }
    }

    /** @param featured the professional holds a premium membership that features them in search */
    public record ProfileView(
            UUID memberId,
            String displayName,
            String headline,
            String bio,
            Long hourlyRate,
            String currency,
            String location,
            String timeZone,
            String availability,
            Set<String> languages,
            String visibility,
            List<String> skills,
            ProfileFacts facts,
            boolean featured,
            boolean active,
            List<PortfolioItemView> portfolio,
            OffsetDateTime updatedAt) {

        static ProfileView of(
                Profile profile, Taxonomy.Catalogue catalogue, boolean featured, List<PortfolioItem> portfolio) {
            Money rate = profile.hourlyRate();
            return new ProfileView(
                    profile.memberId(),
                    profile.displayName(),
                    profile.headline(),
                    profile.bio(),
                    minor(rate),
                    rate == null ? null : rate.currency(),
                    profile.location(),
                    profile.timeZone(),
                    idOf(profile.availability()),
                    profile.languages(),
                    idOf(profile.visibility()),
                    catalogue.slugsOf(profile.skills()),
                    ProfileFacts.of(profile),
                    featured,
                    profile.active(),
                    portfolio.stream().map(PortfolioItemView::of).toList(),
                    profile.updatedAt());
        }
    }

    /** @param myProposal the calling professional's proposal on it, if any */
    public record JobView(
            UUID id,
            UUID clientId,
            String title,
            String description,
            String category,
            List<String> skills,
            String pricing,
            String currency,
            Long budgetMin,
            Long budgetMax,
            String duration,
            String experience,
            String visibility,
            LocalDate deadline,
            String status,
            List<String> questions,
            Set<UUID> attachments,
            int proposalCount,
            UUID myProposal,
            OffsetDateTime publishedAt,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            long version) {

        static JobView of(Job job, Taxonomy.Catalogue catalogue, UUID myProposal) {
            return new JobView(
                    job.id(),
                    job.clientId(),
                    job.title(),
                    job.description(),
                    catalogue.categorySlug(job.categoryId()),
                    catalogue.slugsOf(job.skills()),
                    idOf(job.pricing()),
                    job.currency(),
                    minor(job.budgetMinimum()),
                    minor(job.budgetMaximum()),
                    idOf(job.duration()),
                    idOf(job.experience()),
                    idOf(job.visibility()),
                    job.deadline(),
                    idOf(job.status()),
                    job.questions(),
                    job.attachments(),
                    job.proposalCount(),
                    myProposal,
                    job.publishedAt(),
                    job.createdAt(),
                    job.updatedAt(),
                    job.version());
        }
    }

    public record ProposalView(
            UUID id,
            UUID jobId,
            UUID professionalId,
            String coverLetter,
            long bid,
            String currency,
            Integer estimatedDays,
            List<String> answers,
            Set<UUID> attachments,
            String status,
            String declineReason,
            boolean archived,
            OffsetDateTime submittedAt,
            OffsetDateTime revisedAt) {

        static ProposalView of(Proposal proposal) {
            return new ProposalView(
                    proposal.id(),
                    proposal.jobId(),
                    proposal.professionalId(),
                    proposal.coverLetter(),
                    proposal.bid().minor(),
                    proposal.bid().currency(),
                    proposal.estimatedDays(),
                    proposal.answers(),
                    proposal.attachments(),
                    idOf(proposal.status()),
                    proposal.declineReason(),
                    proposal.archived(),
                    proposal.submittedAt(),
                    proposal.revisedAt());
        }
    }

    /** @param month the calendar month (UTC) the allowance is for, e.g. {@code 2026-11} */
    public record AllowanceView(String month, int used, int allowance, boolean premium) {}

    public record MilestoneView(
            UUID id,
            int position,
            String title,
            long amount,
            String currency,
            LocalDate dueDate,
            String status,
            UUID escrowId,
            OffsetDateTime fundedAt,
            OffsetDateTime submittedAt,
            OffsetDateTime releaseDueAt,
            OffsetDateTime approvedAt,
            OffsetDateTime releasedAt,
            Long releasedAmount,
            Long earnedAmount,
            Long refundedAmount,
            long version) {

        static MilestoneView of(Milestone milestone) {
            return new MilestoneView(
                    milestone.id(),
                    milestone.position(),
                    milestone.title(),
                    milestone.amount().minor(),
                    milestone.amount().currency(),
                    milestone.dueDate(),
                    idOf(milestone.status()),
                    milestone.escrowId(),
                    milestone.fundedAt(),
                    milestone.submittedAt(),
                    milestone.releaseDueAt(),
                    milestone.approvedAt(),
                    milestone.releasedAt(),
                    minor(milestone.releasedAmount()),
                    minor(milestone.earnedAmount()),
                    minor(milestone.refundedAmount()),
                    milestone.version());
        }
    }

    /**
     * @param serviceId the service whose order made it (instead of a job and a proposal) @param revisionsAllowed the
     *     times per milestone its client may ask for changes (absent: no limit) @param inEscrow paid in and not yet
     *     paid out or back @param released paid out to the professional (before fees) @param hourlyRate per hour, for
     *     an hourly contract (pricing {@code hourly}) @param weeklyLimitHours the most hours a week its professional
     *     logs, for an hourly contract
     */
    public record ContractView(
            UUID id,
            UUID jobId,
            UUID proposalId,
            UUID serviceId,
            Integer revisionsAllowed,
            UUID clientId,
            UUID professionalId,
            String title,
            String currency,
            String pricing,
            Long hourlyRate,
            Integer weeklyLimitHours,
            String status,
            boolean needsAdmin,
            String myPart,
            List<MilestoneView> milestones,
            long inEscrow,
            long released,
            OffsetDateTime startedAt,
            OffsetDateTime endedAt,
            String endReason,
            long version) {

        static ContractView of(Contract contract, List<Milestone> milestones, Contract.Party part) {
            long held = milestones.stream()
                    .filter(m -> m.status().holdsMoney() || m.status().isSettling())
                    .mapToLong(m -> m.amount().minor())
                    .sum();
            long released = milestones.stream()
                    .map(Milestone::releasedAmount)
                    .filter(java.util.Objects::nonNull)
                    .mapToLong(Money::minor)
                    .sum();
            return new ContractView(
                    contract.id(),
                    contract.jobId(),
                    contract.proposalId(),
                    contract.serviceId(),
                    contract.revisionsAllowed(),
                    contract.clientId(),
                    contract.professionalId(),
                    contract.title(),
                    contract.currency(),
                    idOf(contract.pricing()),
                    contract.hourlyRate() == null
                            ? null
                            : contract.hourlyRate().perHour().minor(),
                    contract.weeklyLimitMinutes() == null ? null : contract.weeklyLimitMinutes() / 60,
                    idOf(contract.status()),
                    contract.needsAdmin(),
                    idOf(part),
                    milestones.stream().map(MilestoneView::of).toList(),
                    held,
                    released,
                    contract.startedAt(),
                    contract.endedAt(),
                    contract.endReason(),
                    contract.version());
        }
    }

    public record SubmissionView(
            UUID id,
            UUID milestoneId,
            String message,
            Set<UUID> attachments,
            OffsetDateTime submittedAt,
            String answer,
            String answerNote,
            OffsetDateTime answeredAt) {

        static SubmissionView of(Submission submission) {
            return new SubmissionView(
                    submission.id(),
                    submission.milestoneId(),
                    submission.message(),
                    submission.attachments(),
                    submission.submittedAt(),
                    idOf(submission.answer()),
                    submission.answerNote(),
                    submission.answeredAt());
        }
    }

    /** The page where the client pays a milestone into escrow. */
    public record FundingView(UUID milestoneId, UUID escrowId, String checkoutId, String checkoutUrl) {}

    public record DisputeView(
            UUID id,
            UUID milestoneId,
            UUID contractId,
            UUID openedBy,
            String reason,
            String status,
            String decision,
            Long released,
            UUID decidedBy,
            String decisionNote,
            OffsetDateTime openedAt,
            OffsetDateTime decidedAt) {

        static DisputeView of(Dispute dispute, UUID contractId) {
            return new DisputeView(
                    dispute.id(),
                    dispute.milestoneId(),
                    contractId,
                    dispute.openedBy(),
                    dispute.reason(),
                    idOf(dispute.status()),
                    idOf(dispute.decision()),
                    dispute.released(),
                    dispute.decidedBy(),
                    dispute.decisionNote(),
                    dispute.openedAt(),
                    dispute.decidedAt());
        }
    }
}
