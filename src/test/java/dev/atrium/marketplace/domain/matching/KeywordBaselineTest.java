package dev.atrium.marketplace.domain.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.marketplace.domain.ExperienceLevel;
import dev.atrium.marketplace.domain.Pricing;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeywordBaselineTest {

    private final KeywordBaseline baseline = new KeywordBaseline();

    @Test
    void sharedWordsRankAProfessionalAndStopWordsAloneScoreNothing() {
        JobTraits job = job("Translate our website into German");
        ProfessionalTraits translator = professional("German translator for websites and manuals");
        ProfessionalTraits chatty = professional("We will do it for you and with you, as you want it");

        List<Match<ProfessionalTraits>> ranked = baseline.rankProfessionalsFor(job, List.of(chatty, translator), 2);

        assertEquals(translator, ranked.get(0).candidate());
        assertTrue(ranked.get(0).score() > 0);
        assertEquals(0.0, ranked.get(1).score());
    }

    @Test
    void aRareSharedWordCountsMoreThanACommonOne() {
        JobTraits job = job("Illustrator for a picture book");
        ProfessionalTraits illustrator = professional("Illustrator, hand-drawn style");
        ProfessionalTraits reader = professional("Book keeping and accounts");
        ProfessionalTraits another = professional("Book cover layout");

        List<Match<ProfessionalTraits>> ranked =
                baseline.rankProfessionalsFor(job, List.of(reader, another, illustrator), 3);

        assertEquals(illustrator, ranked.get(0).candidate());
    }

    @Test
    void pluralsMatchTheirSingularsAndCaseIsIgnored() {
        ProfessionalTraits professional = professional("Online Stores");

        Match<JobTraits> match = baseline.rankJobsFor(professional, List.of(job("An online store")), 1)
                .get(0);

        assertEquals(1.0, match.score(), 1e-9);
    }

    private static JobTraits job(String text) {
        return new JobTraits(
                UUID.randomUUID(),
                text,
                "writing",
                Set.of(),
                Pricing.FIXED,
                null,
                null,
                null,
                ExperienceLevel.INTERMEDIATE,
                null);
    }

    private static ProfessionalTraits professional(String text) {
        return new ProfessionalTraits(
                UUID.randomUUID(), text, Set.of(), Set.of(), null, null, 0, null, null, true, null);
    }
}
