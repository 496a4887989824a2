package dev.atrium.identity.application;

import dev.atrium.identity.domain.Member;
import dev.atrium.platform.security.TenantRole;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A member as the tenant API shows it. Members see each other's names and profiles; the e-mail address only the
 * member themself and the tenant's admins see (school tenants have minors): for everyone else it is null.
 */
public record MemberView(
        UUID id,
        String displayName,
        String email,
        String avatarUrl,
        String bio,
        List<String> skills,
        String locale,
        List<String> roles,
        OffsetDateTime joinedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** As the member themself, or an admin, sees them. */
    public static MemberView of(Member member) {
        return of(member, true);
    }

    public static MemberView of(Member member, boolean withEmail) {
        return new MemberView(
                member.id(),
                member.displayName(),
                withEmail ? member.email() : null,
                member.avatarUrl(),
                member.bio(),
                member.skills(),
                member.locale(),
                member.roles().stream().map(TenantRole::id).sorted().toList(),
                member.joinedAt(),
                member.createdAt(),
                member.updatedAt());
    }
}
