package dev.atrium.marketplace.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.marketplace.domain.ExperienceLevel;
import dev.atrium.marketplace.domain.Pricing;
import dev.atrium.platform.similarity.TextVector;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MatcherTest {

    private final Matcher matcher = new Matcher();

    @Test
    void aRateInsideTheHourlyRangeFitsFullyAndFadesToNothingHalfAgainAboveIt() {
        JobTraits job = hourlyJob(3000L, 5000L, "EUR");

        assertEquals(1.0, Matcher.rateFit(job, professional(4000L, "EUR")), 1e-9);
        assertEquals(1.0, Matcher.rateFit(job, professional(5000L, "EUR")), 1e-9);
        assertEquals(0.6, Matcher.rateFit(job, professional(6000L, "EUR")), 1e-9, "20 % above the top");
        assertEquals(0.0, Matcher.rateFit(job, professional(7500L, "EUR")), 1e-9, "50 % above the top");
        assertEquals(0.0, Matcher.rateFit(job, professional(20000L, "EUR")), 1e-9);
        assertEquals(1 - 0.5 / 3, Matcher.rateFit(job, professional(2000L, "EUR")), 1e-9, "a third below");
    }

    @Test
    void anOpenEndedRangeOnlyLimitsItsGivenEnd() {
        assertEquals(1.0, Matcher.rateFit(hourlyJob(3000L, null, "EUR"), professional(90000L, "EUR")), 1e-9);
        assertEquals(1.0, Matcher.rateFit(hourlyJob(null, 5000L, "EUR"), professional(100L, "EUR")), 1e-9);
    }

    @Test
    void ratesInAnotherCurrencyGiveNoRateSignalAndTheOtherWeightsCountInProportion() {
        JobTraits job = hourlyJob(3000L, 5000L, "EUR");
        ProfessionalTraits inPounds = professional(4000L, "GBP");

        Match<ProfessionalTraits> match = matcher.score(job, inPounds);

        assertNull(Matcher.rateFit(job, inPounds));
        assertFalse(match.parts().containsKey(Signal.RATE));
        assertEquals(weightedMean(match.parts()), match.score(), 1e-9);
        assertNull(Matcher.rateFit(job, professional(null, null)), "no rate given");
        assertNull(Matcher.rateFit(hourlyJob(null, null, null), professional(4000L, "EUR")), "no budget");
    }

    @Test
    void aFixedPriceIsReadAsTheHoursTypicalOfTheLevelAskedFor() {
        JobTraits intermediate = fixedJob(80_000L, ExperienceLevel.INTERMEDIATE);
        JobTraits expert = fixedJob(80_000L, ExperienceLevel.EXPERT);

        assertEquals(1.0, Matcher.rateFit(intermediate, professional(4000L, "EUR")), 1e-9, "20 h × 40.00 = 800.00");
        assertEquals(0.5, Matcher.rateFit(intermediate, professional(8000L, "EUR")), 1e-9);
        assertEquals(0.25, Matcher.rateFit(expert, professional(8000L, "EUR")), 1e-9, "40 h × 80.00 = 3,200.00");
    }

    @Test
    void aTextNotEmbeddedYetLeavesTheTextTermOutAndTheRestInProportion() {
        TextVector vector = TextVector.normalised(new float[] {1, 2, 3});
        JobTraits job = hourlyJob(3000L, 5000L, "EUR");
        ProfessionalTraits professional = professional(4000L, "EUR").withVector(vector);

        Match<ProfessionalTraits> unembedded = matcher.score(job, professional);
        Match<ProfessionalTraits> embedded = matcher.score(job.withVector(vector), professional);

        assertFalse(unembedded.parts().containsKey(Signal.TEXT));
        assertEquals(weightedMean(unembedded.parts()), unembedded.score(), 1e-9);
        assertEquals(1.0, embedded.parts().get(Signal.TEXT), 1e-9, "the same text is the same need");
        assertTrue(embedded.score() > unembedded.score());
    }

    @Test
    void textSimilarityReadsTheCosineBetweenUnrelatedAndTheSame() {
        JobTraits job = hourlyJob(null, null, null).withVector(TextVector.normalised(new float[] {1, 0}));

        assertEquals(0.0, text(job, new float[] {0, 1}), 1e-9, "orthogonal");
        assertEquals(0.0, text(job, new float[] {-1, 0}), 1e-9, "opposite is no worse than unrelated");
        assertEquals(1.0, text(job, new float[] {0.8f, 0.6f}), 1e-6, "cosine 0.8 is above the ceiling");
        assertEquals(0.5, text(job, new float[] {0.35f, (float) Math.sqrt(1 - 0.35 * 0.35)}), 1e-6, "cosine 0.35");
    }

    @Test
    void skillsTaggedCountFullyAndSkillsOnlyNamedInTheTextHalf() {
        JobTraits job = job(Set.of("shopify", "figma", "e-learning", "python"), "software");
        ProfessionalTraits professional = new ProfessionalTraits(
                UUID.randomUUID(),
                "I design in Figma and build e-learning modules.",
                Set.of("software"),
                Set.of("shopify"),
                null,
                null,
                0,
                null,
                null,
                true,
                null);

        assertEquals((1 + 0.5 + 0.5 + 0) / 4, Matcher.skillCoverage(job, professional), 1e-9);
        assertNull(Matcher.skillCoverage(job(Set.of(), "software"), professional), "a job without skills");
    }

    @Test
    void aCategoryOutsideTheProfessionalsScoresNothing() {
        ProfessionalTraits designer = professional(null, null);

        assertEquals(1.0, Matcher.categoryMatch(job(Set.of(), "design"), designer));
        assertEquals(0.0, Matcher.categoryMatch(job(Set.of(), "tutoring"), designer));
    }

    @Test
    void oneFiveStarReviewDoesNotOutrankFiftyExcellentOnes() {
        JobTraits job = hourlyJob(null, null, null);

        double newcomer = Matcher.history(job, withRecord(1, 5.0, 1.0));
        double established = Matcher.history(job, withRecord(50, 4.8, 0.95));
        double unknown = Matcher.history(job, withRecord(0, null, null));

        assertTrue(established > newcomer, established + " vs " + newcomer);
        assertTrue(newcomer > unknown);
    }

    @Test
    void anUnprovenRecordCountsAgainstExpertWorkMoreThanEntryWork() {
        ProfessionalTraits newcomer = withRecord(0, null, null);

        assertTrue(Matcher.history(fixedJob(1000L, ExperienceLevel.ENTRY), newcomer)
                > Matcher.history(fixedJob(1000L, ExperienceLevel.EXPERT), newcomer));
    }

    @Test
    void equalScoresAreOrderedByIdWhateverOrderTheCandidatesCameIn() {
        JobTraits job = hourlyJob(3000L, 5000L, "EUR");
        ProfessionalTraits first = professional(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
        ProfessionalTraits second = professional(UUID.fromString("00000000-0000-0000-0000-00000000000b"));

        List<UUID> forwards = ids(matcher.rankProfessionalsFor(job, List.of(first, second), 2));
        List<UUID> backwards = ids(matcher.rankProfessionalsFor(job, List.of(second, first), 2));

        assertEquals(List.of(first.id(), second.id()), forwards);
        assertEquals(forwards, backwards);
    }

    @Test
    void bothDirectionsGiveAPairTheSameScoreAndTheLimitIsKept() {
        JobTraits job = hourlyJob(3000L, 5000L, "EUR");
        ProfessionalTraits cheap = professional(3500L, "EUR");
        ProfessionalTraits dear = professional(9000L, "EUR");

        List<Match<ProfessionalTraits>> professionals = matcher.rankProfessionalsFor(job, List.of(dear, cheap), 1);
        List<Match<JobTraits>> jobs = matcher.rankJobsFor(cheap, List.of(job), 5);

        assertEquals(1, professionals.size());
        assertEquals(cheap, professionals.get(0).candidate());
        assertEquals(professionals.get(0).score(), jobs.get(0).score(), 1e-12);
        assertEquals(professionals.get(0).parts(), jobs.get(0).parts());
        assertTrue(matcher.rankJobsFor(cheap, List.of(job), 0).isEmpty());
    }

    private static double text(JobTraits job, float[] values) {
        return Matcher.textSimilarity(job, professional(null, null).withVector(TextVector.normalised(values)));
    }

    private static double weightedMean(Map<Signal, Double> parts) {
        double weighted = 0;
        double weights = 0;
        for (Map.Entry<Signal, Double> part : parts.entrySet()) {
            weighted += part.getKey().weight() * part.getValue();
            weights += part.getKey().weight();
        }
        return weighted / weights;
    }

    private static List<UUID> ids(List<Match<ProfessionalTraits>> matches) {
        return matches.stream().map(match -> match.candidate().id()).toList();
    }

    private static JobTraits hourlyJob(Long min, Long max, String currency) {
        return new JobTraits(
                UUID.randomUUID(),
                "Logo for a bakery",
                "design",
                Set.of("logo-design"),
                Pricing.HOURLY,
                min,
                max,
                currency,
                ExperienceLevel.INTERMEDIATE,
                null);
    }

    private static JobTraits fixedJob(Long max, ExperienceLevel level) {
        return new JobTraits(
                UUID.randomUUID(),
                "Logo for a bakery",
                "design",
                Set.of(),
                Pricing.FIXED,
                null,
                max,
                "EUR",
                level,
                null);
    }

    private static JobTraits job(Set<String> skills, String category) {
        return new JobTraits(
                UUID.randomUUID(),
                "A job",
                category,
                skills,
                Pricing.HOURLY,
                null,
                null,
                null,
                ExperienceLevel.INTERMEDIATE,
                null);
    }

    private static ProfessionalTraits professional(Long rate, String currency) {
        return new ProfessionalTraits(
                UUID.randomUUID(),
                "Brand identity designer",
                Set.of("design"),
                Set.of("logo-design"),
                rate,
                currency,
                10,
                4.5,
                0.9,
                true,
                null);
    }

    private static ProfessionalTraits professional(UUID id) {
        return new ProfessionalTraits(
                id,
                "Brand identity designer",
                Set.of("design"),
                Set.of("logo-design"),
                4000L,
                "EUR",
                10,
                4.5,
                0.9,
                true,
                null);
    }

    private static ProfessionalTraits withRecord(int contracts, Double rating, Double onTime) {
        return new ProfessionalTraits(
                UUID.randomUUID(), "", Set.of(), Set.of(), null, null, contracts, rating, onTime, true, null);
    }
}
