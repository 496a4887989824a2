package dev.atrium.marketplace.domain.matching;

import dev.atrium.marketplace.domain.ExperienceLevel;
import dev.atrium.marketplace.domain.Pricing;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a job and a professional from the {@link Signal}s and ranks either side for the other: "professionals for
 * this job" for a client, "jobs for me" for a professional. The same pair gets the same score from both directions.
 * Stateless and thread-safe. Why each weight and constant: docs/matching.md.
 */
public final class Matcher {

    /** A skill the professional names in their text without tagging it: they probably have it, but did not claim it. */
    static final double SKILL_NAMED_IN_TEXT = 0.5;

    /** A rate this far above the top of an hourly range (as a share of it) leaves no rate fit at all. */
    static final double RATE_ABOVE_RANGE_TOLERANCE = 0.5;

    /**
     * How much of the fit a rate far below an hourly range can lose: cheaper rarely puts a client off, but far below
     * the range it hints at a different kind of work than the one asked for.
     */
    static final double RATE_BELOW_RANGE_PENALTY = 0.5;

    /**
     * A fixed price says nothing about hours, so the budget is read as buying an effort typical of the level asked for;
     * a professional whose rate cannot pay for that many hours within the budget fits less.
     */
    static final Map<ExperienceLevel, Integer> FIXED_PRICE_HOURS =
            Map.of(ExperienceLevel.ENTRY, 8, ExperienceLevel.INTERMEDIATE, 20, ExperienceLevel.EXPERT, 40);

    /**
     * The rating assumed before any review, and what a few reviews are pulled towards: generous for entry-level work
     * (newcomers start somewhere), cautious for expert work (an unproven record is a risk there).
     */
    static final Map<ExperienceLevel, Double> RATING_PRIOR =
            Map.of(ExperienceLevel.ENTRY, 4.0, ExperienceLevel.INTERMEDIATE, 3.75, ExperienceLevel.EXPERT, 3.5);

    /** How many contracts the prior is worth: one 5-star review moves a newcomer a sixth of the way to 5. */
    static final int PRIOR_CONTRACTS = 5;

    /** The on-time rate assumed before any milestone, and what a short record is pulled towards. */
    static final double ON_TIME_PRIOR = 0.85;

    /** The rating's share of the history part; delivering on time is the rest. */
    static final double RATING_SHARE = 0.75;

    /**
     * The cosine below which two texts count as unrelated and above which as the same need. all-MiniLM-L6-v2 gives
     * unrelated sentences about 0 to 0.15 and close paraphrases 0.6 and more; read linearly in between.
     */
    static final double TEXT_UNRELATED = 0.10;

    static final double TEXT_SAME = 0.60;

    private final Set<Signal> signals;

    /** Every signal. */
    public Matcher() {
        this(EnumSet.allOf(Signal.class));
    }

    /** Only {@code signals}, for measuring what each adds (docs/matching.md); the weights of the others unchanged. */
    public Matcher(Set<Signal> signals) {
        if (signals.isEmpty()) {
            throw new IllegalArgumentException("A matcher needs at least one signal");
        }
        this.signals = Set.copyOf(signals);
    }

    public List<Match<ProfessionalTraits>> rankProfessionalsFor(
            JobTraits job, Collection<ProfessionalTraits> professionals, int limit) {
        return Match.top(professionals, professional -> score(job, professional), ProfessionalTraits::id, limit);
    }

    public List<Match<JobTraits>> rankJobsFor(ProfessionalTraits professional, Collection<JobTraits> jobs, int limit) {
        return Match.top(
                jobs,
                job -> {
                    Match<ProfessionalTraits> pair = score(job, professional);
                    return new Match<>(job, pair.score(), pair.parts());
                },
                JobTraits::id,
                limit);
    }

    /** The weighted mean of the parts that have data. */
    public Match<ProfessionalTraits> score(JobTraits job, ProfessionalTraits professional) {
        Map<Signal, Double> parts = parts(job, professional);
        double weighted = 0;
        double weights = 0;
        for (Map.Entry<Signal, Double> part : parts.entrySet()) {
            weighted += part.getKey().weight() * part.getValue();
            weights += part.getKey().weight();
        }
        return new Match<>(professional, weights == 0 ? 0 : weighted / weights, parts);
    }

    private Map<Signal, Double> parts(JobTraits job, ProfessionalTraits professional) {
        Map<Signal, Double> parts = new EnumMap<>(Signal.class);
        for (Signal signal : signals) {
            Double part =
                    switch (signal) {
                        case SKILLS -> skillCoverage(job, professional);
                        case TEXT -> textSimilarity(job, professional);
                        case CATEGORY -> categoryMatch(job, professional);
                        case RATE -> rateFit(job, professional);
                        case HISTORY -> history(job, professional);
                        case AVAILABILITY -> professional.available() ? 1.0 : 0.0;
                    };
            if (part != null) {
                parts.put(signal, part);
            }
        }
        return parts;
    }

    /** The share of the job's skills the professional has: tagged counts fully, named in their text half. */
    static Double skillCoverage(JobTraits job, ProfessionalTraits professional) {
        if (job.skills().isEmpty()) {
            return null;
        }
        Set<String> words = new HashSet<>(Words.tokens(professional.text()));
        double covered = 0;
        for (String skill : job.skills()) {
            if (professional.skills().contains(skill)) {
                covered += 1;
            } else if (words.containsAll(Words.tokens(skill))) {
                covered += SKILL_NAMED_IN_TEXT;
            }
        }
        return covered / job.skills().size();
    }

    static Double categoryMatch(JobTraits job, ProfessionalTraits professional) {
        if (job.category() == null || job.category().isBlank()) {
            return null;
        }
        return professional.categories().contains(job.category()) ? 1.0 : 0.0;
    }

    /**
     * How the professional's hourly rate sits with the job's budget; no signal without a budget, without a rate, or
     * when they are in different currencies (converting would need a rate of the day the client does not see).
     * Amounts stay integers; only their ratio, a score, is a floating-point number.
     */
    static Double rateFit(JobTraits job, ProfessionalTraits professional) {
        Long rate = professional.hourlyRateMinor();
        if (!job.hasBudget() || rate == null || !job.currency().equals(professional.currency())) {
            return null;
        }
        return job.pricing() == Pricing.HOURLY ? hourlyFit(job, rate) : fixedPriceFit(job, rate);
    }

    private static double hourlyFit(JobTraits job, long rate) {
        Long max = job.budgetMaxMinor();
        Long min = job.budgetMinMinor();
        if (max != null && rate > max) {
            double above = (double) (rate - max) / Math.max(max, 1);
            return Math.max(0, 1 - above / RATE_ABOVE_RANGE_TOLERANCE);
        }
        if (min != null && rate < min) {
            double below = (double) (min - rate) / Math.max(min, 1);
            return 1 - RATE_BELOW_RANGE_PENALTY * below;
        }
        return 1;
    }

    private static double fixedPriceFit(JobTraits job, long rate) {
        long budget = job.budgetMaxMinor() != null ? job.budgetMaxMinor() : job.budgetMinMinor();
        long effort = rate * FIXED_PRICE_HOURS.get(job.experience());
        return effort == 0 ? 1 : Math.min(1, (double) budget / effort);
    }

    /**
     * The rating and on-time rate, each pulled towards its prior by {@link #PRIOR_CONTRACTS} imaginary contracts, so
     * that a single 5-star review does not outrank fifty 4.8s. Always has data: a newcomer gets the priors.
     */
    static Double history(JobTraits job, ProfessionalTraits professional) {
        int contracts = professional.completedContracts();
        double prior = RATING_PRIOR.get(job.experience());
        double rating = shrunk(professional.averageRating(), contracts, prior);
        double onTime = shrunk(professional.onTimeRate(), contracts, ON_TIME_PRIOR);
        return RATING_SHARE * (rating - 1) / 4 + (1 - RATING_SHARE) * onTime;
    }

    private static double shrunk(Double observed, int contracts, double prior) {
        if (observed == null || contracts == 0) {
            return prior;
        }
        return (observed * contracts + prior * PRIOR_CONTRACTS) / (contracts + PRIOR_CONTRACTS);
    }

    /** The cosine of the two texts' vectors read between {@link #TEXT_UNRELATED} and {@link #TEXT_SAME}. */
    static Double textSimilarity(JobTraits job, ProfessionalTraits professional) {
        if (job.vector() == null || professional.vector() == null) {
            return null;
        }
        double cosine = job.vector().cosine(professional.vector());
        return Math.max(0, Math.min(1, (cosine - TEXT_UNRELATED) / (TEXT_SAME - TEXT_UNRELATED)));
    }
}
