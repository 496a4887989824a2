package dev.atrium.identity.api;

import dev.atrium.identity.domain.Member;
import dev.atrium.platform.security.TenantRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Request bodies of the members API. */
public final class MemberRequests {

    private MemberRequests() {}

    /** A member's change to their own profile; parts left out stay, an empty string clears a part. */
    public record ProfilePatch(
            @Size(min = 1, max = 120) String displayName,

            @Size(max = 500) @Pattern(regexp = "^$|^https://[^\\s\"'<>]+$", message = "must be an https URL")
            String avatarUrl,

            @Size(max = 2000) String bio,
            @Size(max = Member.MAX_SKILLS) List<@NotBlank @Size(max = 60) String> skills,

            @Pattern(regexp = "^$|^[a-z]{2,3}(-[A-Z]{2})?$", message = "must be a language tag like en or pt-BR")
            String locale) {

        Member.ProfileChanges changes() {
            return new Member.ProfileChanges(displayName, avatarUrl, bio, skills, locale);
        }
    }

    /** A tenant admin's invitation of a person by e-mail, with the roles they get. */
    public record Invite(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 120) String displayName,
            @NotEmpty @Size(max = 5) Set<@NotNull String> roles) {}

    /** The complete set of roles a member should hold. */
    public record RoleAssignment(@NotNull @Size(max = 5) Set<@NotNull String> roles) {}

    static Set<TenantRole> rolesOf(Set<String> ids) {
        return ids.isEmpty()
                ? Set.of()
                : EnumSet.copyOf(ids.stream().map(TenantRole::fromId).collect(Collectors.toSet()));
    }
}
