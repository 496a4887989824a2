package dev.atrium.marketplace.domain.matching;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What matching would be with keywords alone, to measure the {@link Matcher} against: the cosine of the two texts as
 * TF-IDF vectors of their {@linkplain Words#terms terms}, the document frequencies counted over the candidates being
 * ranked and the query. This is what a plain full-text search ranks by; it uses no tags, no prices and no embeddings.
 * Its matches have no parts.
 */
public final class KeywordBaseline {

    public List<Match<ProfessionalTraits>> rankProfessionalsFor(
            JobTraits job, Collection<ProfessionalTraits> professionals, int limit) {
        return rank(job.text(), professionals, ProfessionalTraits::text, ProfessionalTraits::id, limit);
    }

    public List<Match<JobTraits>> rankJobsFor(ProfessionalTraits professional, Collection<JobTraits> jobs, int limit) {
        return rank(professional.text(), jobs, JobTraits::text, JobTraits::id, limit);
    }

    private static <T> List<Match<T>> rank(
            String query, Collection<T> candidates, Function<T, String> text, Function<T, UUID> id, int limit) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        candidates.forEach(candidate -> count(text.apply(candidate), documentFrequency));
        count(query, documentFrequency);
        int documents = candidates.size() + 1;
        Map<String, Double> queryVector = tfIdf(query, documentFrequency, documents);
        Function<T, Match<T>> score = candidate -> new Match<>(
                candidate, cosine(queryVector, tfIdf(text.apply(candidate), documentFrequency, documents)), Map.of());
        return Match.top(candidates, score, id, limit);
    }

    private static void count(String text, Map<String, Integer> documentFrequency) {
        for (String term : new HashSet<>(Words.terms(text))) {
            documentFrequency.merge(term, 1, Integer::sum);
        }
    }

    /** Term counts weighted by smoothed inverse document frequency: words every text has count for little. */
    private static Map<String, Double> tfIdf(String text, Map<String, Integer> documentFrequency, int documents) {
        Map<String, Double> vector = new HashMap<>();
        for (String term : Words.terms(text)) {
            vector.merge(term, 1.0, Double::sum);
        }
        vector.replaceAll((term, count) ->
                count * (Math.log((documents + 1.0) / (documentFrequency.getOrDefault(term, 0) + 1.0)) + 1));
        return vector;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> entry : a.entrySet()) {
            dot += entry.getValue() * b.getOrDefault(entry.getKey(), 0.0);
        }
        double norms = norm(a) * norm(b);
        return norms == 0 ? 0 : dot / norms;
    }

    private static double norm(Map<String, Double> vector) {
        double sum = 0;
        for (double value : vector.values()) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
