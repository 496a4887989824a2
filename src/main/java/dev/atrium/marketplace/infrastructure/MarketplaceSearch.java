package dev.atrium.marketplace.infrastructure;

import dev.atrium.marketplace.domain.ExperienceLevel;
import dev.atrium.marketplace.domain.JobCriteria;
import dev.atrium.marketplace.domain.Pricing;
import dev.atrium.marketplace.domain.ProfessionalCriteria;
import dev.atrium.marketplace.domain.matching.JobTraits;
import dev.atrium.marketplace.domain.matching.ProfessionalTraits;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.LikePattern;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.similarity.TextVector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Full-text search with filters and facet counts over open jobs and active professionals, in PostgreSQL: the
 * generated {@code search} columns (English stemming; title, headline and skill names weigh more than descriptions)
 * with GIN indexes, ranked by {@code ts_rank_cd}. One query for the page (with the total as a window count), one for
 * the facets of the whole result (grouping sets), one for its skills. SQL is built only from constants; every value is
 * a parameter.
 */
@ApplicationScoped
public class MarketplaceSearch {

    /** How many skills a facet lists (the most frequent). */
    static final int SKILL_FACETS = 20;

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /**
     * Who is searching jobs: their own jobs, invitation-only jobs and jobs still in early access are filtered. A
     * visitor of the tenant's public site ({@code memberId} null) sees only public jobs.
     */
    public record JobViewer(UUID memberId, OffsetDateTime earlyAccessCutoff) {}

    public enum JobOrder {
        RELEVANCE,
        NEWEST,
        BUDGET_HIGH,
        BUDGET_LOW
    }

    public enum ProfessionalOrder {
        RELEVANCE,
        RATING,
        RATE_LOW,
        RATE_HIGH,
        NEWEST
    }

    /** A page of hits (ids in order), the total, and counts per facet value over the whole result. */
    public record Hits(List<UUID> ids, long total, Map<String, Map<String, Long>> facets) {}

    private static final class Sql {
        final StringBuilder where = new StringBuilder();
        final List<Object> parameters = new ArrayList<>();

        String param(Object value) {
            parameters.add(value);
            return "?" + parameters.size();
        }

        void and(String condition) {
            where.append(" and ").append(condition);
        }
    }

    public Hits jobs(JobCriteria criteria, JobViewer viewer, JobOrder order, PageRequest page) {
        Sql sql = new Sql();
        String from = jobFilter(criteria, viewer, null, sql);
        // The filter's own parameters, for the facet and count queries; the ranking's come after them.
        List<Object> filter = List.copyOf(sql.parameters);
        String rank = criteria.query() == null
                ? "0"
                : "ts_rank_cd(j.search, websearch_to_tsquery('english', " + sql.param(criteria.query()) + "))";
        String orderBy =
                switch (order == JobOrder.RELEVANCE && criteria.query() == null ? JobOrder.NEWEST : order) {
                    case RELEVANCE -> "rank desc, j.published_at desc, j.id";
                    case NEWEST -> "j.published_at desc, j.id";
                    case BUDGET_HIGH ->
                        "coalesce(j.budget_max, j.budget_min) desc nulls last, j.published_at desc, j.id";
                    case BUDGET_LOW -> "coalesce(j.budget_min, j.budget_max) asc nulls last, j.published_at desc, j.id";
                };
        List<Object[]> rows = NativeQueries.rows(
                em,
                "select j.id, count(*) over () as total, " + rank + " as rank " + from + sql.where + " order by "
                        + orderBy + " limit " + page.size() + " offset " + page.offset(),
                sql.parameters);
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        facets.put("category", new LinkedHashMap<>());
        facets.put("pricing", new LinkedHashMap<>());
        facets.put("experience", new LinkedHashMap<>());
        List<Object[]> grouped = NativeQueries.rows(
                em,
                "select c.slug, j.pricing, j.experience, count(*) " + from
                        + " left join marketplace_category c on c.id = j.category_id" + sql.where
                        + " group by grouping sets ((c.slug), (j.pricing), (j.experience))",
                filter);
        for (Object[] row : grouped) {
            long count = ((Number) row[3]).longValue();
            if (row[0] != null) {
                facets.get("category").put((String) row[0], count);
            } else if (row[1] != null) {
                facets.get("pricing").put(((String) row[1]).toLowerCase(java.util.Locale.ROOT), count);
            } else if (row[2] != null) {
                facets.get("experience").put(((String) row[2]).toLowerCase(java.util.Locale.ROOT), count);
            }
        }
        facets.put(
                "skills",
                counts(NativeQueries.rows(
                        em,
                        "select s.slug, count(*) " + from
                                + " join marketplace_job_skill js on js.job_id = j.id"
                                + " join marketplace_skill s on s.id = js.skill_id" + sql.where
                                + " group by s.slug order by count(*) desc, s.slug limit " + SKILL_FACETS,
                        filter)));
        return hits(rows, facets, page, from, sql.where.toString(), filter);
    }

    /** Whether a job is one the criteria find for the viewer (a saved search's alert: the search's own filter). */
    public boolean jobMatches(UUID jobId, JobCriteria criteria, JobViewer viewer) {
        Sql sql = new Sql();
        String from = jobFilter(criteria, viewer, jobId, sql);
        return !NativeQueries.rows(em, "select 1 " + from + sql.where, sql.parameters)
                .isEmpty();
    }

    private String jobFilter(JobCriteria criteria, JobViewer viewer, UUID onlyJob, Sql sql) {
        sql.where.append(" where j.status = 'OPEN'");
        if (onlyJob != null) {
            sql.and("j.id = " + sql.param(onlyJob));
        }
        if (viewer.memberId() == null) {
            // A visitor of the tenant's public site: jobs its clients chose to show publicly, once out of early access.
            sql.and("j.visibility = 'PUBLIC'");
        } else {
            sql.and("(j.visibility <> 'INVITED' or exists (select 1 from marketplace_invitation i where i.job_id ="
                    + " j.id and i.professional_id = " + sql.param(viewer.memberId()) + "))");
            sql.and("j.client_id <> " + sql.param(viewer.memberId()));
        }
        if (viewer.earlyAccessCutoff() != null && viewer.memberId() == null) {
            sql.and("j.published_at <= " + sql.param(viewer.earlyAccessCutoff()));
        } else if (viewer.earlyAccessCutoff() != null) {
            sql.and("(j.published_at <= " + sql.param(viewer.earlyAccessCutoff())
                    + " or exists (select 1 from marketplace_invitation i where i.job_id = j.id"
                    + " and i.professional_id = " + sql.param(viewer.memberId()) + "))");
        }
        if (criteria.query() != null) {
            sql.and("j.search @@ websearch_to_tsquery('english', " + sql.param(criteria.query()) + ")");
        }
        if (criteria.categoryId() != null) {
            sql.and("j.category_id = " + sql.param(criteria.categoryId()));
        }
        if (!criteria.skillIds().isEmpty()) {
            sql.and("exists (select 1 from marketplace_job_skill k where k.job_id = j.id and k.skill_id in ("
                    + params(sql, criteria.skillIds()) + "))");
        }
        if (criteria.pricing() != null) {
            sql.and("j.pricing = " + sql.param(criteria.pricing().name()));
        }
        if (criteria.experience() != null) {
            sql.and("j.experience = " + sql.param(criteria.experience().name()));
        }
        if (criteria.amountMin() != null || criteria.amountMax() != null) {
            // Budgets overlap the range asked: a job's budget reaching at least the minimum, starting at most at the
            // maximum; a job without a budget does not match a budget filter.
            sql.and("j.currency = " + sql.param(criteria.currency()));
            sql.and("coalesce(j.budget_max, j.budget_min) is not null");
            if (criteria.amountMin() != null) {
                sql.and("coalesce(j.budget_max, j.budget_min) >= " + sql.param(criteria.amountMin()));
            }
            if (criteria.amountMax() != null) {
                sql.and("coalesce(j.budget_min, j.budget_max) <= " + sql.param(criteria.amountMax()));
            }
        }
        return "from marketplace_job j";
    }

    /** @param featured the members whose profiles are featured (premium): first when ranking by relevance */
    public Hits professionals(
            ProfessionalCriteria criteria, Collection<UUID> featured, ProfessionalOrder order, PageRequest page) {
        Sql sql = new Sql();
        String from = professionalFilter(criteria, null, sql);
        List<Object> filter = List.copyOf(sql.parameters);
        String rank = criteria.query() == null
                ? "0"
                : "ts_rank_cd(p.search, websearch_to_tsquery('english', " + sql.param(criteria.query()) + "))";
        String isFeatured = featured.isEmpty() ? "false" : "p.member_id in (" + params(sql, featured) + ")";
        String rating = "(case when p.rating_count = 0 then null else p.rating_sum::float8 / p.rating_count end)";
        String orderBy =
                switch (order) {
                    case RELEVANCE -> "featured desc, rank desc, " + rating + " desc nulls last, p.member_id";
                    case RATING -> rating + " desc nulls last, p.rating_count desc, p.member_id";
                    case RATE_LOW -> "p.hourly_rate asc nulls last, p.member_id";
                    case RATE_HIGH -> "p.hourly_rate desc nulls last, p.member_id";
                    case NEWEST -> "p.created_at desc, p.member_id";
                };
        List<Object[]> rows = NativeQueries.rows(
                em,
                "select p.member_id, count(*) over () as total, " + rank + " as rank, " + isFeatured
                        + " as featured " + from + sql.where + " order by " + orderBy + " limit " + page.size()
                        + " offset " + page.offset(),
                sql.parameters);
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        facets.put(
                "category",
                counts(NativeQueries.rows(
                        em,
                        "select c.slug, count(distinct p.member_id) " + from
                                + " join marketplace_profile_skill ps on ps.member_id = p.member_id"
                                + " join marketplace_skill s on s.id = ps.skill_id"
                                + " join marketplace_category c on c.id = s.category_id" + sql.where
                                + " group by c.slug order by 2 desc, c.slug",
                        filter)));
        facets.put(
                "skills",
                counts(NativeQueries.rows(
                        em,
                        "select s.slug, count(*) " + from
                                + " join marketplace_profile_skill ps on ps.member_id = p.member_id"
                                + " join marketplace_skill s on s.id = ps.skill_id" + sql.where
                                + " group by s.slug order by count(*) desc, s.slug limit " + SKILL_FACETS,
                        filter)));
        Map<String, Long> availability = new LinkedHashMap<>();
        NativeQueries.rows(
                        em, "select p.availability, count(*) " + from + sql.where + " group by p.availability", filter)
                .forEach(row -> availability.put(
                        ((String) row[0]).toLowerCase(java.util.Locale.ROOT), ((Number) row[1]).longValue()));
        facets.put("availability", availability);
        return hits(rows, facets, page, from, sql.where.toString(), filter);
    }

    /** Whether a profile is one the criteria find (a saved search's alert). */
    public boolean professionalMatches(UUID memberId, ProfessionalCriteria criteria) {
        Sql sql = new Sql();
        String from = professionalFilter(criteria, memberId, sql);
        return !NativeQueries.rows(em, "select 1 " + from + sql.where, sql.parameters)
                .isEmpty();
    }

    private String professionalFilter(ProfessionalCriteria criteria, UUID onlyMember, Sql sql) {
        sql.where.append(" where p.active");
        if (criteria.publicOnly()) {
            sql.and("p.visibility = 'PUBLIC'");
        }
        if (onlyMember != null) {
            sql.and("p.member_id = " + sql.param(onlyMember));
        }
        if (criteria.query() != null) {
            sql.and("p.search @@ websearch_to_tsquery('english', " + sql.param(criteria.query()) + ")");
        }
        if (criteria.categoryId() != null) {
            sql.and("exists (select 1 from marketplace_profile_skill k join marketplace_skill s on s.id = k.skill_id"
                    + " where k.member_id = p.member_id and s.category_id = " + sql.param(criteria.categoryId()) + ")");
        }
        if (!criteria.skillIds().isEmpty()) {
            sql.and(
                    "exists (select 1 from marketplace_profile_skill k where k.member_id = p.member_id and k.skill_id in ("
                            + params(sql, criteria.skillIds()) + "))");
        }
        if (criteria.rateMin() != null || criteria.rateMax() != null) {
            sql.and("p.currency = " + sql.param(criteria.currency()));
            if (criteria.rateMin() != null) {
                sql.and("p.hourly_rate >= " + sql.param(criteria.rateMin()));
            }
            if (criteria.rateMax() != null) {
                sql.and("p.hourly_rate <= " + sql.param(criteria.rateMax()));
            }
        }
        if (criteria.timeZone() != null) {
            sql.and("p.time_zone = " + sql.param(criteria.timeZone()));
        }
        if (criteria.location() != null) {
            sql.and("lower(p.location) like " + sql.param(LikePattern.containing(criteria.location()))
                    + " escape '\\'");
        }
        if (criteria.minRating() != null) {
            sql.and("p.rating_count > 0 and p.rating_sum::float8 / p.rating_count >= "
                    + sql.param(criteria.minRating()));
        }
        if (criteria.availability() != null) {
            sql.and("p.availability = " + sql.param(criteria.availability().name()));
        }
        return "from marketplace_profile p";
    }

    private static String params(Sql sql, Collection<UUID> ids) {
        return ids.stream().map(sql::param).collect(java.util.stream.Collectors.joining(", "));
    }

    private static Map<String, Long> counts(List<Object[]> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** The page's ids and the total (the window count; past the last page, counted on its own). */
    private Hits hits(
            List<Object[]> rows,
            Map<String, Map<String, Long>> facets,
            PageRequest page,
            String from,
            String where,
            List<Object> filter) {
        long total = !rows.isEmpty()
                ? ((Number) rows.get(0)[1]).longValue()
                : page.offset() == 0
                        ? 0
                        : ((Number) NativeQueries.rows(em, "select count(*) " + from + where, filter)
                                        .get(0)[0])
                                .longValue();
        return new Hits(rows.stream().map(row -> NativeQueries.uuid(row[0])).toList(), total, facets);
    }

    private static final String JOB_TRAITS = "select j.id, j.title, j.description, c.slug, j.pricing, j.budget_min,"
            + " j.budget_max, j.currency, j.experience, j.embedding,"
            + " (select string_agg(s.slug, ' ') from marketplace_job_skill js join marketplace_skill s"
            + " on s.id = js.skill_id where js.job_id = j.id) ";

    private static final String PROFESSIONAL_TRAITS = "select p.member_id, p.headline, p.bio, p.hourly_rate,"
            + " p.currency, p.completed_contracts, p.rating_sum, p.rating_count, p.on_time_milestones,"
            + " p.released_milestones, p.availability, p.embedding,"
            + " (select string_agg(s.slug, ' ') from marketplace_profile_skill ps join marketplace_skill s"
            + " on s.id = ps.skill_id where ps.member_id = p.member_id),"
            + " (select string_agg(distinct c.slug, ' ') from marketplace_profile_skill ps join marketplace_skill s"
            + " on s.id = ps.skill_id join marketplace_category c on c.id = s.category_id"
            + " where ps.member_id = p.member_id),"
            + " (select string_agg(i.title, '. ' order by i.position) from marketplace_portfolio_item i"
            + " where i.member_id = p.member_id) ";

    /**
     * Open jobs the viewer may see and has not proposed on, in a category of theirs or asking a skill of theirs (the
     * matcher ranks these: candidates first, so a tenant's thousands of jobs are not all scored), newest first.
     */
    public List<JobTraits> jobCandidates(JobViewer viewer, Set<UUID> categoryIds, Set<UUID> skillIds, int limit) {
        Sql sql = new Sql();
        String from = jobFilter(new JobCriteria(null, null, Set.of(), null, null, null, null, null), viewer, null, sql);
        sql.and("not exists (select 1 from marketplace_proposal o where o.job_id = j.id and o.professional_id = "
                + sql.param(viewer.memberId()) + ")");
        List<String> overlap = new ArrayList<>();
        if (!categoryIds.isEmpty()) {
            overlap.add("j.category_id in (" + params(sql, categoryIds) + ")");
        }
        if (!skillIds.isEmpty()) {
            overlap.add("exists (select 1 from marketplace_job_skill k where k.job_id = j.id and k.skill_id in ("
                    + params(sql, skillIds) + "))");
        }
        if (!overlap.isEmpty()) {
            sql.and("(" + String.join(" or ", overlap) + ")");
        }
        return NativeQueries.rows(
                        em,
                        JOB_TRAITS + from + " left join marketplace_category c on c.id = j.category_id" + sql.where
                                + " order by j.published_at desc, j.id limit " + limit,
                        sql.parameters)
                .stream()
                .map(MarketplaceSearch::jobTraits)
                .toList();
    }

    public Optional<JobTraits> jobTraits(UUID jobId) {
        return NativeQueries.rows(
                        em,
                        JOB_TRAITS + "from marketplace_job j left join marketplace_category c on c.id = j.category_id"
                                + " where j.id = ?1",
                        jobId)
                .stream()
                .findFirst()
                .map(MarketplaceSearch::jobTraits);
    }

    /** Active professionals (not {@code excluded}) with a skill or a category the job asks, most reviewed first. */
    public List<ProfessionalTraits> professionalCandidates(
            UUID excluded, UUID categoryId, Set<UUID> skillIds, int limit) {
        Sql sql = new Sql();
        String from = professionalFilter(
                new ProfessionalCriteria(null, null, Set.of(), null, null, null, null, null, null, null, false),
                null,
                sql);
        sql.and("p.member_id <> " + sql.param(excluded));
        List<String> overlap = new ArrayList<>();
        if (!skillIds.isEmpty()) {
            overlap.add("exists (select 1 from marketplace_profile_skill k where k.member_id = p.member_id"
                    + " and k.skill_id in (" + params(sql, skillIds) + "))");
        }
        if (categoryId != null) {
            overlap.add("exists (select 1 from marketplace_profile_skill k join marketplace_skill s on s.id ="
                    + " k.skill_id where k.member_id = p.member_id and s.category_id = " + sql.param(categoryId) + ")");
        }
        if (!overlap.isEmpty()) {
            sql.and("(" + String.join(" or ", overlap) + ")");
        }
        return NativeQueries.rows(
                        em,
                        PROFESSIONAL_TRAITS + from + sql.where + " order by p.rating_count desc, p.member_id limit "
                                + limit,
                        sql.parameters)
                .stream()
                .map(MarketplaceSearch::professionalTraits)
                .toList();
    }

    public Optional<ProfessionalTraits> professionalTraits(UUID memberId) {
        return NativeQueries.rows(
                        em, PROFESSIONAL_TRAITS + "from marketplace_profile p where p.member_id = ?1", memberId)
                .stream()
                .findFirst()
                .map(MarketplaceSearch::professionalTraits);
    }

    private static JobTraits jobTraits(Object[] row) {
        return new JobTraits(
                NativeQueries.uuid(row[0]),
                row[1] + ". " + row[2],
                (String) row[3],
                words(row[10]),
                Pricing.valueOf((String) row[4]),
                row[5] == null ? null : ((Number) row[5]).longValue(),
                row[6] == null ? null : ((Number) row[6]).longValue(),
                (String) row[7],
                ExperienceLevel.valueOf((String) row[8]),
                vector(row[9]));
    }

    private static ProfessionalTraits professionalTraits(Object[] row) {
        int ratings = ((Number) row[7]).intValue();
        int released = ((Number) row[9]).intValue();
        String portfolio = (String) row[14];
        return new ProfessionalTraits(
                NativeQueries.uuid(row[0]),
                row[1] + ". " + row[2] + (portfolio == null ? "" : ". " + portfolio),
                words(row[13]),
                words(row[12]),
                row[3] == null ? null : ((Number) row[3]).longValue(),
                (String) row[4],
                ((Number) row[5]).intValue(),
                ratings == 0 ? null : ((Number) row[6]).doubleValue() / ratings,
                released == 0 ? null : ((Number) row[8]).doubleValue() / released,
                !"UNAVAILABLE".equals(row[10]),
                vector(row[11]));
    }

    private static Set<String> words(Object text) {
        return text == null ? Set.of() : new java.util.HashSet<>(java.util.Arrays.asList(((String) text).split(" ")));
    }

    /** A stored embedding, or null while the text has not been embedded (the matcher then leaves the text out). */
    private static TextVector vector(Object bytes) {
        return bytes == null ? null : TextVector.fromBytes((byte[]) bytes);
    }
}
