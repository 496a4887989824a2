package dev.atrium.identity.domain;

import dev.atrium.platform.security.TenantRole;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A member of the current tenant: the tenant-local profile of a Keycloak account ({@code subject}). Lives in the
 * tenant's schema (the table is unqualified). A member row is made only by onboarding, an invitation or an explicit
 * join, never by reading. The roles here are the ones that count: the tenant gate admits a request only for an
 * ACTIVE member holding one of the endpoint's roles, so a removal or a demotion takes effect at the next request
 * even while the member's token still names the old roles. Keycloak holds the same roles for the next token.
 */
@Entity
@Table(name = "member")
public class Member {

    public static final int MAX_SKILLS = 30;

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, updatable = false)
    private String subject;

    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "avatar_url")
    private String avatarUrl;

    private String bio;

    private String locale;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "member_skill", joinColumns = @JoinColumn(name = "member_id"))
    @Column(name = "skill")
    private Set<String> skills = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "member_role", joinColumns = @JoinColumn(name = "member_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<TenantRole> roles = EnumSet.noneOf(TenantRole.class);

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MemberStatus status = MemberStatus.ACTIVE;

    @Column(name = "joined_at", nullable = false)
    private OffsetDateTime joinedAt;

    @Column(name = "removed_at")
    private OffsetDateTime removedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Member() {}

    public Member(String subject, String email, String displayName, Set<TenantRole> roles, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.subject = Objects.requireNonNull(subject);
        this.email = email;
        this.displayName = displayName == null || displayName.isBlank() ? "Member" : displayName;
        this.roles.addAll(roles);
        this.createdAt = now;
        this.updatedAt = now;
        this.joinedAt = now;
    }

    /** What the member may change about themselves; {@code null} parts stay as they are. */
    public record ProfileChanges(
            String displayName, String avatarUrl, String bio, List<String> skills, String locale) {}

    public void editProfile(ProfileChanges changes, OffsetDateTime now) {
        if (changes.displayName() != null) {
            displayName = changes.displayName();
        }
        if (changes.avatarUrl() != null) {
            avatarUrl = changes.avatarUrl().isEmpty() ? null : changes.avatarUrl();
        }
        if (changes.bio() != null) {
            bio = changes.bio().isEmpty() ? null : changes.bio();
        }
        if (changes.locale() != null) {
            locale = changes.locale().isEmpty() ? null : changes.locale();
        }
        if (changes.skills() != null) {
            skills.clear();
            changes.skills().stream()
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .forEach(skills::add);
        }
        updatedAt = now;
    }

    /** The roles as Keycloak now holds them (from the member's own token, or after an admin changed them). */
    public void holdRoles(Set<TenantRole> current, OffsetDateTime now) {
        if (!roles.equals(current)) {
            roles.clear();
            roles.addAll(current);
            updatedAt = now;
        }
    }

    /** Leaves the tenant; the row stays (as REMOVED) so that other modules' history keeps the name. */
    public void remove(OffsetDateTime now) {
        status = MemberStatus.REMOVED;
        roles.clear();
        removedAt = now;
        updatedAt = now;
    }

    /** A removed member invited again: active with the new roles, their profile as they left it. */
    public void rejoin(String currentEmail, Set<TenantRole> granted, OffsetDateTime now) {
        status = MemberStatus.ACTIVE;
        email = currentEmail;
        roles.clear();
        roles.addAll(granted);
        removedAt = null;
        joinedAt = now;
        updatedAt = now;
    }

    public boolean isActive() {
        return status == MemberStatus.ACTIVE;
    }

    public boolean isAdmin() {
        return roles.contains(TenantRole.ADMIN);
    }

    public MemberStatus status() {
        return status;
    }

    public OffsetDateTime joinedAt() {
        return joinedAt;
    }

    public UUID id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String avatarUrl() {
        return avatarUrl;
    }

    public String bio() {
        return bio;
    }

    public String locale() {
        return locale;
    }

    public List<String> skills() {
        return List.copyOf(skills);
    }

    public Set<TenantRole> roles() {
        return roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
