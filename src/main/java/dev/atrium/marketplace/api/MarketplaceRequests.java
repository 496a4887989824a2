package dev.atrium.marketplace.api;

import dev.atrium.marketplace.application.JobBoard;
import dev.atrium.marketplace.application.ProposalDesk;
import dev.atrium.marketplace.domain.Availability;
import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.Dispute;
import dev.atrium.marketplace.domain.ExperienceLevel;
import dev.atrium.marketplace.domain.Job;
import dev.atrium.marketplace.domain.JobDuration;
import dev.atrium.marketplace.domain.JobVisibility;
import dev.atrium.marketplace.domain.Pricing;
import dev.atrium.marketplace.domain.Profile;
import dev.atrium.marketplace.domain.ProfileVisibility;
import dev.atrium.marketplace.domain.Proposal;
import dev.atrium.platform.api.EnumIds;
import dev.atrium.platform.api.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Request bodies of the marketplace API. Enumerations are spelled as in responses (lower case: {@code fixed},
 * {@code under_a_month}); amounts are integer minor units of an ISO 4217 currency written in lower case ({@code eur}).
 */
public final class MarketplaceRequests {

    private MarketplaceRequests() {}

    private static final String CURRENCY = "[a-z]{3}";
    private static final String SLUG = "[a-z0-9][a-z0-9-]{0,62}";

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String id) {
        return id == null ? null : EnumIds.fromId(type, id, type.getSimpleName());
    }

    public record CategoryBody(
            @NotBlank @Pattern(regexp = SLUG, message = "lower-case letters, digits and dashes")
            String slug,

            @NotBlank @Size(max = 100) String name,
            @Size(max = 1000) String description,
            Integer position) {}

    public record CategoryChanges(
            @Size(min = 1, max = 100) String name,
            @Size(max = 1000) String description,
            Integer position,
            Boolean active) {}

    public record SkillBody(
            @NotBlank @Pattern(regexp = SLUG, message = "lower-case letters, digits and dashes")
            String slug,

            @NotBlank @Size(max = 100) String name,
            @Pattern(regexp = SLUG) String category) {}

    public record SkillChanges(
            @Size(min = 1, max = 100) String name,
            @Pattern(regexp = SLUG) String category,
            Boolean active) {}

    public record SettingsChanges(
            Integer autoReleaseDays,
            Integer monthlyProposals,
            Integer premiumMonthlyProposals,
            Integer earlyAccessHours) {}

    /** A job, as created (title, description, pricing and currency required) or changed (parts left out stay). */
    public record JobBody(
            @Size(min = 1, max = 200) String title,
            @Size(min = 1, max = 20_000) String description,
            @Pattern(regexp = SLUG) String category,
            @Size(max = 15) Set<@Pattern(regexp = SLUG) String> skills,
            @OneOf(Pricing.class) String pricing,

            @Pattern(regexp = CURRENCY, message = "an ISO 4217 code in lower case, e.g. eur")
            String currency,

            @Positive Long budgetMin,
            @Positive Long budgetMax,
            @OneOf(JobDuration.class) String duration,
            @OneOf(ExperienceLevel.class) String experience,
            @OneOf(JobVisibility.class) String visibility,
            LocalDate deadline,
            @Size(max = 10) List<@NotBlank @Size(max = 500) String> questions,
            @Size(max = 10) Set<@NotNull UUID> attachments,
            Boolean publish) {

        JobBoard.JobTerms terms() {
            return new JobBoard.JobTerms(
                    new Job.Details(
                            title,
                            description,
                            null,
                            enumOrNull(Pricing.class, pricing),
                            currency,
                            budgetMin,
                            budgetMax,
                            enumOrNull(JobDuration.class, duration),
                            enumOrNull(ExperienceLevel.class, experience),
                            enumOrNull(JobVisibility.class, visibility),
                            deadline,
                            null,
                            null,
                            questions,
                            attachments),
                    category,
                    skills);
        }
    }

    public record Invitation(
            @NotNull UUID professionalId, @Size(max = 2000) String message) {}

    /** A proposal, as submitted (cover letter and bid required) or revised (parts left out stay). */
    public record ProposalBody(
            @Size(min = 1, max = 10_000) String coverLetter,
            @Positive Long bid,
            @Positive @Max(3650) Integer estimatedDays,
            @Size(max = 10) List<@NotBlank @Size(max = 5000) String> answers,
            @Size(max = 10) Set<@NotNull UUID> attachments) {

        Proposal.Terms terms() {
            return new Proposal.Terms(coverLetter, bid, estimatedDays, answers, attachments);
        }
    }

    public record Decline(@Size(max = 1000) String reason) {}

    public record MilestonePlan(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Positive Long amount,
            LocalDate dueDate) {

        ProposalDesk.PlannedMilestone planned() {
            return new ProposalDesk.PlannedMilestone(title, amount, dueDate);
        }
    }

    /**
     * Hiring: the contract's first milestones (none: one milestone for the bid); on an hourly job, no milestones but
     * the most hours a week the professional may log instead.
     */
    public record Hire(
            @Size(max = 20) List<@NotNull @Valid MilestonePlan> milestones,
            @Min(1) @Max(Contract.MAX_WEEKLY_HOURS) Integer weeklyLimitHours) {}

    public record MilestoneChanges(
            @Size(min = 1, max = 200) String title,
            @Positive Long amount,
            LocalDate dueDate) {}

    public record Funding(@Size(max = 2000) String returnUrl) {}

    public record WorkSubmitted(
            @NotBlank @Size(max = 10_000) String message,
            @Size(max = 10) Set<@NotNull UUID> attachments) {}

    public record Note(@Size(max = 2000) String note) {}

    public record DisputeBody(@NotBlank @Size(max = 5000) String reason) {}

    /** @param released for a split: what the professional receives, in minor units */
    public record Decision(
            @NotNull @OneOf(Dispute.Decision.class) String decision,
            @Positive Long released,
            @Size(max = 2000) String note) {

        Dispute.Decision value() {
            return enumOrNull(Dispute.Decision.class, decision);
        }
    }

    public record Ending(@Size(max = 2000) String reason) {}

    /** A professional's profile, as created (headline required) or changed (parts left out stay). */
    public record ProfileBody(
            @Size(min = 1, max = 200) String headline,
            @Size(max = 10_000) String bio,
            @Positive Long hourlyRate,

            @Pattern(regexp = CURRENCY, message = "an ISO 4217 code in lower case, e.g. eur")
            String currency,

            @Size(max = 200) String location,
            @Size(max = 60) String timeZone,
            @OneOf(Availability.class) String availability,
            @Size(max = 10) Set<@NotBlank @Size(max = 20) String> languages,
            @OneOf(ProfileVisibility.class) String visibility,
            @Size(max = 30) Set<@Pattern(regexp = SLUG) String> skills) {

        Profile.Details details() {
            return new Profile.Details(
                    headline,
                    bio,
                    hourlyRate,
                    currency,
                    location,
                    timeZone,
                    enumOrNull(Availability.class, availability),
                    languages,
                    enumOrNull(ProfileVisibility.class, visibility),
                    null,
                    null);
        }
    }

    public record PortfolioItemBody(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 5000) String description,
            UUID mediaId,

            @Size(max = 2000) @Pattern(regexp = "https?://.+", message = "an http(s) address")
            String link) {}

    /**
     * A search to keep: {@code jobs} (words, category, skills, pricing, a budget range) or {@code professionals}
     * (words, category, skills, an hourly-rate range); alerts on unless {@code alerts} is false.
     */
    public record SavedSearchBody(
            @NotBlank @Size(max = 100) String name,

            @NotNull @Pattern(regexp = "jobs|professionals", message = "must be jobs or professionals")
            String kind,

            @Size(max = 200) String query,
            @Pattern(regexp = SLUG) String category,
            @Size(max = 15) Set<@Pattern(regexp = SLUG) String> skills,
            @OneOf(Pricing.class) String pricing,

            @Pattern(regexp = CURRENCY, message = "an ISO 4217 code in lower case, e.g. eur")
            String currency,

            @jakarta.validation.constraints.PositiveOrZero Long amountMin,
            @jakarta.validation.constraints.PositiveOrZero Long amountMax,
            Boolean alerts) {}

    public record AlertsSwitch(@NotNull Boolean alerts) {}
}
