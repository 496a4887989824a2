package dev.atrium.marketplace.domain;

import dev.atrium.billing.Money;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.InvalidRequestException;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A professional's packaged offer (Fiverr style): what they do, in up to three tiers (basic, standard, premium), all
 * priced in the service's one currency, with the questions a client answers when ordering and images showing it.
 * Drafted, then active: listed and orderable; paused: seen by who has its address, neither listed nor orderable;
 * archived for good. Only a professional whose profile is active publishes one; a client orders a tier of an active one
 * ({@link Contract#order}).
 */
@Entity(name = "MarketplaceService")
@Table(name = "marketplace_service")
public class Service {

    public static final int MAX_TIERS = TierLevel.values().length;
    public static final int MAX_QUESTIONS = 10;
    public static final int MAX_MEDIA = 5;

    @Id
    private UUID id;

    @Column(name = "professional_id", nullable = false, updatable = false)
    private UUID professionalId;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String description;

    @Column(name = "category_id")
    @Convert(converter = NullableUuid.class)
    private UUID categoryId;

    @Column(nullable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ServiceStatus status;

    /** The names of its skills, kept for full-text search (the search column is generated from it). */
    @Column(name = "skill_names", nullable = false)
    private String skillNames = "";

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "marketplace_service_skill", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "skill_id")
    private Set<UUID> skills = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "marketplace_service_tier", joinColumns = @JoinColumn(name = "service_id"))
    private List<ServiceTier> tiers = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "marketplace_service_question", joinColumns = @JoinColumn(name = "service_id"))
    @OrderColumn(name = "position")
    @Column(name = "question")
    private List<String> questions = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "marketplace_service_media", joinColumns = @JoinColumn(name = "service_id"))
    @OrderColumn(name = "position")
    @Column(name = "media_id")
    private List<UUID> media = new ArrayList<>();

    protected Service() {}

    /**
     * A tier as the professional describes it. @param currency the price's currency: left out, the service's; given, it
     * must be the service's (a service is priced in one currency)
     */
    public record TierTerms(
            TierLevel level,
            String name,
            Long price,
            String currency,
            Integer deliveryDays,
            Integer revisions,
            List<String> included) {}

    /**
     * What a professional says about a service; in a revision, a {@code null} part stays as it was. @param skills with
     * {@code skillNames} their names (the caller resolved them against the tenant's skills) @param media uploads
     * showing it, the first its cover
     */
    public record Details(
            String title,
            String description,
            UUID categoryId,
            String currency,
            Set<UUID> skills,
            String skillNames,
            List<TierTerms> tiers,
            List<String> questions,
            List<UUID> media) {}

    public static Service draft(UUID professionalId, Details details, OffsetDateTime now) {
        if (details.title() == null || details.description() == null || details.currency() == null) {
            throw new InvalidRequestException("A service needs a title, a description and the currency of its prices.");
        }
        Service service = new Service();
        service.id = UUID.randomUUID();
        service.professionalId = Objects.requireNonNull(professionalId);
        service.status = ServiceStatus.DRAFT;
        service.createdAt = now;
        service.apply(details, now);
        return service;
    }

    /**
     * Changes it (its professional) unless archived. Orders already placed keep the tier as it was; a new currency
     * comes with the tiers' prices in it, never by relabelling the old amounts.
     */
    public void revise(Details changes, OffsetDateTime now) {
        if (status == ServiceStatus.ARCHIVED) {
            throw new ConflictException(
                    "service-archived", "Service archived", "An archived service is not changed any more.");
        }
        if (changes.currency() != null
                && !changes.currency().equals(currency)
                && changes.tiers() == null
                && !tiers.isEmpty()) {
            throw new InvalidRequestException("A service's prices are in one currency: give the tiers again, priced in "
                    + changes.currency() + ".");
        }
        apply(changes, now);
    }

    private void apply(Details details, OffsetDateTime now) {
        if (details.title() != null) {
            if (details.title().isBlank()) {
                throw new InvalidRequestException("A service's title is not blank.");
            }
            title = details.title().strip();
        }
        if (details.description() != null) {
            description = details.description();
        }
        if (details.categoryId() != null) {
            categoryId = details.categoryId();
        }
        if (details.currency() != null) {
            currency = checkedCurrency(details.currency());
        }
        if (details.skills() != null) {
            skills.clear();
            skills.addAll(details.skills());
            skillNames = details.skillNames() == null ? "" : details.skillNames();
        }
        if (details.tiers() != null) {
            List<ServiceTier> priced = priced(details.tiers());
            tiers.clear();
            tiers.addAll(priced);
        }
        if (details.questions() != null) {
            if (details.questions().size() > MAX_QUESTIONS
                    || details.questions().stream().anyMatch(q -> q == null || q.isBlank())) {
                throw new InvalidRequestException(
                        "A service asks at most " + MAX_QUESTIONS + " questions, none blank.");
            }
            questions.clear();
            questions.addAll(details.questions());
        }
        if (details.media() != null) {
            Set<UUID> distinct = new LinkedHashSet<>(details.media());
            if (distinct.size() > MAX_MEDIA || distinct.contains(null)) {
                throw new InvalidRequestException("A service shows at most " + MAX_MEDIA + " files.");
            }
            media.clear();
            media.addAll(distinct);
        }
        updatedAt = now;
    }

    /** The tiers, checked: at most one of each level (so at most three), each priced in the service's currency. */
    private List<ServiceTier> priced(List<TierTerms> terms) {
        if (terms.size() > MAX_TIERS) {
            throw new InvalidRequestException(
                    "A service offers at most " + MAX_TIERS + " tiers: basic, standard and" + " premium.");
        }
        EnumSet<TierLevel> levels = EnumSet.noneOf(TierLevel.class);
        List<ServiceTier> priced = new ArrayList<>();
        for (TierTerms tier : terms) {
            if (tier == null || tier.level() == null) {
                throw new InvalidRequestException("Each tier names its level: basic, standard or premium.");
            }
            if (!levels.add(tier.level())) {
                throw new InvalidRequestException(
                        "A service offers one " + ServiceTier.label(tier.level()) + " tier at most.");
            }
            if (tier.currency() != null && !tier.currency().equals(currency)) {
                throw new InvalidRequestException("A service is priced in one currency: its tiers are in " + currency
                        + ", not " + tier.currency() + ".");
            }
            if (tier.price() == null || tier.deliveryDays() == null || tier.revisions() == null) {
                throw new InvalidRequestException("The " + ServiceTier.label(tier.level())
                        + " tier needs its price, its delivery days and the revisions it includes.");
            }
            priced.add(ServiceTier.of(
                    tier.level(), tier.name(), tier.price(), tier.deliveryDays(), tier.revisions(), tier.included()));
        }
        priced.sort(Comparator.comparing(ServiceTier::level));
        return priced;
    }

    private static String checkedCurrency(String currency) {
        try {
            return Money.of(0, currency).currency();
        } catch (IllegalArgumentException unknown) {
            throw new InvalidRequestException(
                    "'" + currency + "' is not a currency: give an ISO 4217 code in lower case, e.g. eur.");
        }
    }

    /**
     * Lists it and opens it to orders (from a draft, or paused): it offers at least one tier, and its professional's
     * profile is active (they hold the role and have not left).
     */
    public void publish(Profile owner, OffsetDateTime now) {
        if (status != ServiceStatus.DRAFT && status != ServiceStatus.PAUSED) {
            throw transition("published");
        }
        if (owner == null || !owner.active() || !owner.memberId().equals(professionalId)) {
            throw new ConflictException(
                    "no-profile",
                    "No active profile",
                    "Services are published by professionals with an active marketplace profile.");
        }
        if (tiers.isEmpty()) {
            throw new InvalidRequestException("A service offers at least one tier before it is published.");
        }
        status = ServiceStatus.ACTIVE;
        if (publishedAt == null) {
            publishedAt = now;
        }
        updatedAt = now;
    }

    /** Takes it off the listings and stops orders; published again, it comes back as it was. */
    public void pause(OffsetDateTime now) {
        if (status != ServiceStatus.ACTIVE) {
            throw transition("paused");
        }
        status = ServiceStatus.PAUSED;
        updatedAt = now;
    }

    public void archive(OffsetDateTime now) {
        if (status == ServiceStatus.ARCHIVED) {
            throw transition("archived");
        }
        status = ServiceStatus.ARCHIVED;
        updatedAt = now;
    }

    /** The tier a client orders: the service is active and offers it. */
    public ServiceTier tierToOrder(TierLevel level) {
        if (status != ServiceStatus.ACTIVE) {
            throw new ConflictException(
                    "service-not-active",
                    "Service not active",
                    "A " + name() + " service is not ordered; only active ones are.");
        }
        return tier(level)
                .orElseThrow(() -> new InvalidRequestException("This service has no " + ServiceTier.label(level)
                        + " tier; it offers "
                        + String.join(
                                ", ",
                                tiers().stream()
                                        .map(t -> ServiceTier.label(t.level()))
                                        .toList())
                        + "."));
    }

    public java.util.Optional<ServiceTier> tier(TierLevel level) {
        return tiers.stream().filter(tier -> tier.level() == level).findFirst();
    }

    /** The lowest price it is offered at ("from ..."), or null while it has no tier. */
    public Money priceFrom() {
        Long lowest = ServiceTier.lowestPrice(tiers);
        return lowest == null ? null : Money.of(lowest, currency);
    }

    private ConflictException transition(String to) {
        return new ConflictException(
                "service-status", "Service status", "A " + name() + " service cannot be " + to + ".");
    }

    private String name() {
        return status.name().toLowerCase(Locale.ROOT);
    }

    public UUID id() {
        return id;
    }

    public UUID professionalId() {
        return professionalId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public UUID categoryId() {
        return categoryId;
    }

    public String currency() {
        return currency;
    }

    public ServiceStatus status() {
        return status;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public Set<UUID> skills() {
        return Set.copyOf(skills);
    }

    /** Its tiers from basic to premium. */
    public List<ServiceTier> tiers() {
        return tiers.stream().sorted(Comparator.comparing(ServiceTier::level)).toList();
    }

    public List<String> questions() {
        return List.copyOf(questions);
    }

    public List<UUID> media() {
        return List.copyOf(media);
    }
}
