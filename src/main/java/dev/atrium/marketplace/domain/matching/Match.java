package dev.atrium.marketplace.domain.matching;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A candidate with its score (0 to 1) and the parts it was made of, so that "why this match" can be shown: each
 * signal that had data, from 0 to 1. A signal missing from {@code parts} had no data for this pair.
 */
public record Match<T>(T candidate, double score, Map<Signal, Double> parts) {

    public Match {
        parts = parts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(parts));
    }

    /**
     * The best {@code limit} candidates by {@code score}, highest first; equal scores in the order of their ids, so
     * that the same data always gives the same list whatever the order the candidates came in.
     */
    static <T> List<Match<T>> top(
            Collection<T> candidates, Function<T, Match<T>> score, Function<T, UUID> id, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("A limit cannot be negative");
        }
        ToDoubleFunction<Match<T>> byScore = Match::score;
        Comparator<Match<T>> order = Comparator.comparingDouble(byScore)
                .reversed()
                .thenComparing(match -> id.apply(match.candidate()).toString());
        return candidates.stream().map(score).sorted(order).limit(limit).toList();
    }
}
