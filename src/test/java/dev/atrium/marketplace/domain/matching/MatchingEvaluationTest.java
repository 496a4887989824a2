package dev.atrium.marketplace.domain.matching;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.platform.similarity.MiniLmSimilarity;
import dev.atrium.platform.similarity.Similarity;
import dev.atrium.platform.similarity.TextVector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The matcher against the keyword baseline on the hand-labelled set, with the real embedding model: precision@5,
 * recall@5 and nDCG@5 of "professionals for this job" over every job and of "jobs for me" over every professional
 * (the labels turned round). Writes {@code target/matching-evaluation.md}; the table in docs/matching.md comes from it.
 */
class MatchingEvaluationTest {

    private static final int K = 5;

    /** The least the matcher must gain over keywords in precision@5: a quarter of a right answer in every top five. */
    private static final double REQUIRED_MARGIN = 0.05;

    private static LabelledSet set;

    @BeforeAll
    static void embed() throws IOException {
        LabelledSet loaded = LabelledSet.load();
        Similarity similarity = new MiniLmSimilarity();
        List<TextVector> jobVectors =
                similarity.embedAll(loaded.jobs().stream().map(JobTraits::text).toList());
        List<TextVector> professionalVectors = similarity.embedAll(
                loaded.professionals().stream().map(ProfessionalTraits::text).toList());
        List<JobTraits> jobs = new ArrayList<>();
        for (int i = 0; i < loaded.jobs().size(); i++) {
            jobs.add(loaded.jobs().get(i).withVector(jobVectors.get(i)));
        }
        List<ProfessionalTraits> professionals = new ArrayList<>();
        for (int i = 0; i < loaded.professionals().size(); i++) {
            professionals.add(loaded.professionals().get(i).withVector(professionalVectors.get(i)));
        }
        set = new LabelledSet(jobs, professionals, loaded.relevantProfessionals(), loaded.keys());
    }

    @Test
    void theSetIsLargeEnoughAndEveryJobHasSeveralRightAnswers() {
        assertTrue(set.jobs().size() >= 50, "jobs: " + set.jobs().size());
        assertTrue(
                set.professionals().size() >= 50,
                "professionals: " + set.professionals().size());
        set.relevantProfessionals().forEach((job, grades) -> assertTrue(grades.size() >= 2, set.key(job)));
    }

    @Test
    void matcherBeatsKeywordsInBothDirections() throws IOException {
        Map<String, Ranker> rankers = rankers();
        List<String> rows = new ArrayList<>();
        Figures matcherForJobs = null;
        Figures baselineForJobs = null;
        Figures matcherForProfessionals = null;
        Figures baselineForProfessionals = null;
        for (Map.Entry<String, Ranker> ranker : rankers.entrySet()) {
            Figures forJobs = professionalsForJobs(ranker.getValue());
            Figures forProfessionals = jobsForProfessionals(ranker.getValue());
            rows.add(row(ranker.getKey(), forJobs, forProfessionals));
            if (ranker.getKey().equals(MATCHER)) {
                matcherForJobs = forJobs;
                matcherForProfessionals = forProfessionals;
            } else if (ranker.getKey().equals(BASELINE)) {
                baselineForJobs = forJobs;
                baselineForProfessionals = forProfessionals;
            }
        }
        rows.add(row(
                "best possible (every right answer first)",
                ceiling(set.relevantProfessionals()),
                ceiling(set.relevantJobs())));
        writeReport(rows, strongFitsMissed(rankers.get(MATCHER)), strongFitsMissed(rankers.get(BASELINE)));

        assertTrue(
                matcherForJobs.precision() >= baselineForJobs.precision() + REQUIRED_MARGIN,
                "professionals for a job: matcher " + matcherForJobs + " vs keywords " + baselineForJobs);
        assertTrue(
                matcherForProfessionals.precision() >= baselineForProfessionals.precision() + REQUIRED_MARGIN,
                "jobs for a professional: matcher " + matcherForProfessionals + " vs keywords "
                        + baselineForProfessionals);
    }

    private static final String MATCHER = "matcher (all signals)";
    private static final String BASELINE = "keyword baseline (TF-IDF over the texts)";

    /** The rankings compared, in the report's order. */
    private static Map<String, Ranker> rankers() {
        Map<String, Ranker> rankers = new java.util.LinkedHashMap<>();
        rankers.put(MATCHER, Ranker.of(new Matcher()));
        rankers.put(
                "matcher without the text term", Ranker.of(new Matcher(EnumSet.complementOf(EnumSet.of(Signal.TEXT)))));
        rankers.put(
                "matcher, fit signals only (skills, text, category)",
                Ranker.of(new Matcher(EnumSet.of(Signal.SKILLS, Signal.TEXT, Signal.CATEGORY))));
        rankers.put("text similarity alone (embeddings)", Ranker.of(new Matcher(EnumSet.of(Signal.TEXT))));
        KeywordBaseline baseline = new KeywordBaseline();
        rankers.put(
                BASELINE,
                new Ranker(
                        (job, professionals) ->
                                ids(baseline.rankProfessionalsFor(job, professionals, K), ProfessionalTraits::id),
                        (professional, jobs) -> ids(baseline.rankJobsFor(professional, jobs, K), JobTraits::id)));
        return rankers;
    }

    /** Both directions of one way of ranking, as the ids of the top {@link #K}. */
    record Ranker(
            java.util.function.BiFunction<JobTraits, Collection<ProfessionalTraits>, List<UUID>> professionalsFor,
            java.util.function.BiFunction<ProfessionalTraits, Collection<JobTraits>, List<UUID>> jobsFor) {

        static Ranker of(Matcher matcher) {
            return new Ranker(
                    (job, professionals) ->
                            ids(matcher.rankProfessionalsFor(job, professionals, K), ProfessionalTraits::id),
                    (professional, jobs) -> ids(matcher.rankJobsFor(professional, jobs, K), JobTraits::id));
        }
    }

    private static <T> List<UUID> ids(List<Match<T>> matches, java.util.function.Function<T, UUID> id) {
        return matches.stream().map(match -> id.apply(match.candidate())).toList();
    }

    private static Figures professionalsForJobs(Ranker ranker) {
        List<Figures> perJob = new ArrayList<>();
        for (JobTraits job : set.jobs()) {
            List<UUID> top = ranker.professionalsFor().apply(job, set.professionals());
            perJob.add(Figures.of(top, set.relevantProfessionals().get(job.id())));
        }
        return Figures.mean(perJob);
    }

    private static Figures jobsForProfessionals(Ranker ranker) {
        Map<UUID, Map<UUID, Integer>> relevantJobs = set.relevantJobs();
        List<Figures> perProfessional = new ArrayList<>();
        for (ProfessionalTraits professional : set.professionals()) {
            Map<UUID, Integer> relevant = relevantJobs.get(professional.id());
            if (relevant != null) {
                perProfessional.add(Figures.of(ranker.jobsFor().apply(professional, set.jobs()), relevant));
            }
        }
        return Figures.mean(perProfessional);
    }

    private static Figures ceiling(Map<UUID, Map<UUID, Integer>> labels) {
        List<Figures> best = new ArrayList<>();
        for (Map<UUID, Integer> grades : labels.values()) {
            List<UUID> ideal = grades.entrySet().stream()
                    .sorted(Map.Entry.<UUID, Integer>comparingByValue().reversed())
                    .map(Map.Entry::getKey)
                    .limit(K)
                    .toList();
            best.add(Figures.of(ideal, grades));
        }
        return Figures.mean(best);
    }

    /** Precision, recall and nDCG at {@link #K} of one ranking, or their means over many. */
    record Figures(double precision, double recall, double ndcg, int queries) {

        static Figures of(List<UUID> top, Map<UUID, Integer> grades) {
            int hits = 0;
            double dcg = 0;
            for (int i = 0; i < top.size(); i++) {
                int grade = grades.getOrDefault(top.get(i), 0);
                hits += grade > 0 ? 1 : 0;
                dcg += gain(grade, i);
            }
            List<Integer> idealGrades = grades.values().stream()
                    .sorted(java.util.Comparator.reverseOrder())
                    .limit(K)
                    .toList();
            double ideal = 0;
            for (int i = 0; i < idealGrades.size(); i++) {
                ideal += gain(idealGrades.get(i), i);
            }
            return new Figures((double) hits / K, (double) hits / grades.size(), dcg / ideal, 1);
        }

        private static double gain(int grade, int position) {
            return (Math.pow(2, grade) - 1) / (Math.log(position + 2) / Math.log(2));
        }

        static Figures mean(List<Figures> all) {
            return new Figures(
                    all.stream().mapToDouble(Figures::precision).average().orElse(0),
                    all.stream().mapToDouble(Figures::recall).average().orElse(0),
                    all.stream().mapToDouble(Figures::ndcg).average().orElse(0),
                    all.size());
        }
    }

    private static String row(String name, Figures forJobs, Figures forProfessionals) {
        return String.format(
                Locale.ROOT,
                "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |",
                name,
                forJobs.precision(),
                forJobs.recall(),
                forJobs.ndcg(),
                forProfessionals.precision(),
                forProfessionals.recall(),
                forProfessionals.ndcg());
    }

    /** Each job whose top five leaves out a professional labelled a strong fit (2), with who was left out. */
    private static List<String> strongFitsMissed(Ranker ranker) {
        List<String> missed = new ArrayList<>();
        for (JobTraits job : set.jobs()) {
            List<UUID> top = ranker.professionalsFor().apply(job, set.professionals());
            List<String> left = set.relevantProfessionals().get(job.id()).entrySet().stream()
                    .filter(label -> label.getValue() == 2 && !top.contains(label.getKey()))
                    .map(label -> set.key(label.getKey()))
                    .toList();
            if (!left.isEmpty()) {
                missed.add(set.key(job.id()) + " ("
                        + job.text().lines().findFirst().orElse("") + "): " + left + " not in top 5 "
                        + top.stream().map(set::key).toList());
            }
        }
        return missed;
    }

    private static void writeReport(List<String> rows, List<String> matcherMissed, List<String> baselineMissed)
            throws IOException {
        long relevantPairs = set.relevantProfessionals().values().stream()
                .mapToLong(Map::size)
                .sum();
        List<String> lines = new ArrayList<>(List.of(
                "# Matching evaluation",
                "",
                set.jobs().size() + " jobs, " + set.professionals().size() + " professionals, " + relevantPairs
                        + " labelled pairs; professionals for a job over "
                        + set.jobs().size()
                        + " jobs, jobs for a professional over "
                        + set.relevantJobs().size() + " professionals.",
                "",
                "| ranking | P@5 pros for job | R@5 | nDCG@5 | P@5 jobs for pro | R@5 | nDCG@5 |",
                "|---|---|---|---|---|---|---|"));
        lines.addAll(rows);
        lines.add("");
        lines.add("Strong fits (grade 2) the matcher left out of a job's top 5: " + matcherMissed.size() + " jobs");
        lines.add("");
        matcherMissed.forEach(line -> lines.add("- " + line));
        lines.add("");
        lines.add("The same for the keyword baseline: " + baselineMissed.size() + " jobs");
        lines.add("");
        baselineMissed.forEach(line -> lines.add("- " + line));
        lines.add("");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "matching-evaluation.md"), lines);
        System.out.println(String.join("\n", lines));
    }
}
