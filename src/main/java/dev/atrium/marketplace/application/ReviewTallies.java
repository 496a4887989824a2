package dev.atrium.marketplace.application;

import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.ReviewCriterion;
import dev.atrium.platform.persistence.NativeQueries;
import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A member's ratings from the reviews that count (published, not hidden), summed in the database in one query: for
 * the reviews summary and a client's hiring record. A professional's profile keeps its own running facts for search;
 * these are the same reviews seen whole, with each criterion.
 */
final class ReviewTallies {

    private ReviewTallies() {}

    private static final List<ReviewCriterion> COLUMNS = List.of(
            ReviewCriterion.QUALITY,
            ReviewCriterion.COMMUNICATION,
            ReviewCriterion.EXPERTISE,
            ReviewCriterion.DEADLINES,
            ReviewCriterion.VALUE,
            ReviewCriterion.CLARITY,
            ReviewCriterion.PAYMENT_PROMPTNESS);

    /** The member's ratings by the side of the contract they were reviewed as; a side without reviews counts 0. */
    static Map<Contract.Party, ReviewViews.Ratings> of(EntityManager em, UUID memberId) {
        Map<Contract.Party, ReviewViews.Ratings> bySide = new EnumMap<>(Contract.Party.class);
        for (Contract.Party side : Contract.Party.values()) {
            bySide.put(side, new ReviewViews.Ratings(0, null, Map.of()));
        }
        List<Object[]> rows = NativeQueries.rows(
                em,
                "select author_part, count(*), avg(overall), avg(quality), avg(communication), avg(expertise),"
                        + " avg(deadlines), avg(value_for_money), avg(clarity), avg(payment_promptness)"
                        + " from marketplace_review"
                        + " where subject_id = ?1 and published_at is not null and hidden_at is null"
                        + " group by author_part",
                memberId);
        for (Object[] row : rows) {
            Contract.Party reviewed = Contract.Party.valueOf((String) row[0]) == Contract.Party.CLIENT
                    ? Contract.Party.PROFESSIONAL
                    : Contract.Party.CLIENT;
            Map<String, Double> criteria = new LinkedHashMap<>();
            for (ReviewCriterion criterion : ReviewCriterion.rating(reviewed)) {
                Object average = row[3 + COLUMNS.indexOf(criterion)];
                criteria.put(Views.idOf(criterion), ((Number) average).doubleValue());
            }
            bySide.put(
                    reviewed,
                    new ReviewViews.Ratings(((Number) row[1]).longValue(), ((Number) row[2]).doubleValue(), criteria));
        }
        return bySide;
    }
}
