package dev.atrium.marketplace.domain;

import dev.atrium.platform.persistence.NullableUuid;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A member's saved search of jobs (a professional's) or of professionals (a client's), kept with its criteria so it
 * can be run again and, with alerts on, tell its member about each new job or professional it finds.
 */
@Entity
@Table(name = "marketplace_saved_search")
public class SavedSearch {

    /** At most this many saved searches per member: alerts run each of them for every new job. */
    public static final int MAX_PER_MEMBER = 20;

    public enum Kind {
        JOBS,
        PROFESSIONALS
    }

    @Id
    private UUID id;

    @Column(name = "member_id", nullable = false, updatable = false)
    private UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(nullable = false)
    private String name;

    private String query;

    @Column(name = "category_id")
    @Convert(converter = NullableUuid.class)
    private UUID categoryId;

    @Enumerated(EnumType.STRING)
    private Pricing pricing;

    private String currency;

    @Column(name = "amount_min")
    private Long amountMin;

    @Column(name = "amount_max")
    private Long amountMax;

    @Column(nullable = false)
    private boolean alerts;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "marketplace_saved_search_skill", joinColumns = @JoinColumn(name = "search_id"))
    @Column(name = "skill_id")
    private Set<UUID> skills = new HashSet<>();

    protected SavedSearch() {}

    public static SavedSearch ofJobs(
            UUID memberId, String name, JobCriteria criteria, boolean alerts, OffsetDateTime now) {
        SavedSearch search = start(memberId, Kind.JOBS, name, alerts, now);
        search.query = criteria.query();
        search.categoryId = criteria.categoryId();
        search.skills.addAll(criteria.skillIds());
        search.pricing = criteria.pricing();
        search.currency = criteria.currency();
        search.amountMin = criteria.amountMin();
        search.amountMax = criteria.amountMax();
        return search;
    }

    public static SavedSearch ofProfessionals(
            UUID memberId, String name, ProfessionalCriteria criteria, boolean alerts, OffsetDateTime now) {
        SavedSearch search = start(memberId, Kind.PROFESSIONALS, name, alerts, now);
        search.query = criteria.query();
        search.categoryId = criteria.categoryId();
        search.skills.addAll(criteria.skillIds());
        search.currency = criteria.currency();
        search.amountMin = criteria.rateMin();
        search.amountMax = criteria.rateMax();
        return search;
    }

    private static SavedSearch start(UUID memberId, Kind kind, String name, boolean alerts, OffsetDateTime now) {
        SavedSearch search = new SavedSearch();
        search.id = UUID.randomUUID();
        search.memberId = memberId;
        search.kind = kind;
        search.name = name;
        search.alerts = alerts;
        search.createdAt = now;
        return search;
    }

    /** The job criteria it keeps (a search of jobs). */
    public JobCriteria jobCriteria() {
        return new JobCriteria(query, categoryId, skills, pricing, currency, amountMin, amountMax, null);
    }

    /** The professional criteria it keeps (a search of professionals). */
    public ProfessionalCriteria professionalCriteria() {
        return new ProfessionalCriteria(
                query, categoryId, skills, currency, amountMin, amountMax, null, null, null, null, false);
    }

    public void alerts(boolean on) {
        alerts = on;
    }

    public UUID id() {
        return id;
    }

    public UUID memberId() {
        return memberId;
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public boolean alerts() {
        return alerts;
    }

    public String query() {
        return query;
    }

    public UUID categoryId() {
        return categoryId;
    }

    public Set<UUID> skills() {
        return Set.copyOf(skills);
    }

    public Pricing pricing() {
        return pricing;
    }

    public String currency() {
        return currency;
    }

    public Long amountMin() {
        return amountMin;
    }

    public Long amountMax() {
        return amountMax;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
