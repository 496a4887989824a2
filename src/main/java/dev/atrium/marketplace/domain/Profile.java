package dev.atrium.marketplace.domain;

import dev.atrium.billing.Money;
import dev.atrium.platform.errors.InvalidRequestException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A professional's marketplace profile: what they say about themselves (headline, bio, skills, rate, where and when
 * they work, languages) and the facts the marketplace keeps from their contracts (completed contracts, released
 * milestones and how many were on time, ratings, repeat clients), which they cannot write.
 */
@Entity
@Table(name = "marketplace_profile")
public class Profile {

    @Id
    @Column(name = "member_id")
    private UUID memberId;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false)
    private String headline;

    @Column(nullable = false)
    private String bio = "";

    @Column(name = "hourly_rate")
    private Long hourlyRate;

    private String currency;

    private String location;

    @Column(name = "time_zone")
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Availability availability = Availability.AVAILABLE;

    /** Space-separated BCP 47 tags. */
    @Column(nullable = false)
    private String languages = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProfileVisibility visibility = ProfileVisibility.MEMBERS;

    @Column(name = "skill_names", nullable = false)
    private String skillNames = "";

    @Column(name = "completed_contracts", nullable = false)
    private int completedContracts;

    @Column(name = "on_time_milestones", nullable = false)
    private int onTimeMilestones;

    @Column(name = "released_milestones", nullable = false)
    private int releasedMilestones;

    @Column(name = "rating_sum", nullable = false)
    private int ratingSum;

    @Column(name = "rating_count", nullable = false)
    private int ratingCount;

    @Column(name = "repeat_clients", nullable = false)
    private int repeatClients;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "marketplace_profile_skill", joinColumns = @JoinColumn(name = "member_id"))
    @Column(name = "skill_id")
    private Set<UUID> skills = new HashSet<>();

    protected Profile() {}

    /** What a professional says about themselves; in a revision a {@code null} part stays as it was. */
    public record Details(
            String headline,
            String bio,
            Long hourlyRate,
            String currency,
            String location,
            String timeZone,
            Availability availability,
            Set<String> languages,
            ProfileVisibility visibility,
            Set<UUID> skills,
            String skillNames) {}

    public static Profile create(UUID memberId, String displayName, Details details, OffsetDateTime now) {
        if (details.headline() == null) {
            throw new InvalidRequestException("A profile needs a headline.");
        }
        Profile profile = new Profile();
        profile.memberId = memberId;
        profile.displayName = displayName;
        profile.createdAt = now;
        profile.revise(details, now);
        return profile;
    }

    public void revise(Details details, OffsetDateTime now) {
        if (details.headline() != null) {
            headline = details.headline().strip();
        }
        if (details.bio() != null) {
            bio = details.bio();
        }
        if (details.hourlyRate() != null || details.currency() != null) {
            Long rate = details.hourlyRate() != null ? details.hourlyRate() : hourlyRate;
            String in = details.currency() != null ? details.currency() : currency;
            if (rate == null || in == null) {
                throw new InvalidRequestException("An hourly rate needs its currency, and a currency its rate.");
            }
            if (rate <= 0) {
                throw new InvalidRequestException("An hourly rate is a positive amount.");
            }
            hourlyRate = rate;
            currency = in;
        }
        if (details.location() != null) {
            location = details.location();
        }
        if (details.timeZone() != null) {
            try {
                timeZone = ZoneId.of(details.timeZone()).getId();
            } catch (DateTimeException unknown) {
                throw new dev.atrium.platform.errors.InvalidParameterException(
                        "timeZone", "must be an IANA time zone such as Europe/Berlin");
            }
        }
        if (details.availability() != null) {
            availability = details.availability();
        }
        if (details.languages() != null) {
            languages = details.languages().stream()
                    .map(Profile::languageTag)
                    .collect(Collectors.toCollection(LinkedHashSet::new))
                    .stream()
                    .collect(Collectors.joining(" "));
        }
        if (details.visibility() != null) {
            visibility = details.visibility();
        }
        if (details.skills() != null) {
            skills.clear();
            skills.addAll(details.skills());
            skillNames = details.skillNames() == null ? "" : details.skillNames();
        }
        updatedAt = now;
    }

    private static String languageTag(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        if (locale.getLanguage().isEmpty()) {
            throw new dev.atrium.platform.errors.InvalidParameterException(
                    "languages", "'" + tag + "' is not a language tag (e.g. en, de, pt-BR)");
        }
        return locale.toLanguageTag();
    }

    /** The member's name as identity knows it (kept for search and listings). */
    public void renamed(String displayName) {
        this.displayName = displayName;
    }

    /** A milestone of theirs was released: counted, and whether its work came by its due date. */
    public void milestoneReleased(boolean onTime) {
        releasedMilestones++;
        if (onTime) {
            onTimeMilestones++;
        }
    }

    /** A contract of theirs ended with work paid; @param repeatClient the client had hired them before */
    public void contractCompleted(boolean repeatClient) {
        completedContracts++;
        if (repeatClient) {
            repeatClients++;
        }
    }

    /** A published review's overall rating (1–5). */
    public void rated(int overall) {
        ratingSum += overall;
        ratingCount++;
    }

    /** A counted review's overall rating taken back out (an admin hid the review). */
    public void unrated(int overall) {
        if (ratingCount == 0 || ratingSum < overall) {
            throw new IllegalStateException("No rating of " + overall + " was counted on " + memberId);
        }
        ratingSum -= overall;
        ratingCount--;
    }

    /** The member left the tenant, or lost the professional role: the profile is no longer shown. */
    public void deactivate() {
        active = false;
    }

    public void activate() {
        active = true;
    }

    public UUID memberId() {
        return memberId;
    }

    public String displayName() {
        return displayName;
    }

    public String headline() {
        return headline;
    }

    public String bio() {
        return bio;
    }

    public Money hourlyRate() {
        return hourlyRate == null ? null : Money.of(hourlyRate, currency);
    }

    public String location() {
        return location;
    }

    public String timeZone() {
        return timeZone;
    }

    public Availability availability() {
        return availability;
    }

    public Set<String> languages() {
        return languages.isBlank()
                ? Set.of()
                : Arrays.stream(languages.split(" ")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public ProfileVisibility visibility() {
        return visibility;
    }

    public Set<UUID> skills() {
        return Set.copyOf(skills);
    }

    public int completedContracts() {
        return completedContracts;
    }

    /** The average overall rating, or null before the first review. */
    public Double averageRating() {
        return ratingCount == 0 ? null : (double) ratingSum / ratingCount;
    }

    public int ratingCount() {
        return ratingCount;
    }

    /** The share of released milestones handed in by their due date, or null before the first. */
    public Double onTimeRate() {
        return releasedMilestones == 0 ? null : (double) onTimeMilestones / releasedMilestones;
    }

    public int repeatClients() {
        return repeatClients;
    }

    public boolean active() {
        return active;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
