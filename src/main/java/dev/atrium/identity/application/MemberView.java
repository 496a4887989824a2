package dev.atrium.identity.application;

import dev.atrium.identity.domain.Member;
import dev.atrium.platform.security.TenantRole;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A member as the tenant API shows it. */
public record MemberView(
        UUID id,
        String displayName,
        String email,
        String avatarUrl,
        String bio,
        List<String> skills,
        String locale,
        List<String> roles,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static MemberView of(Member member) {
        return new MemberView(
                member.id(),
                member.displayName(),
                member.email(),
                member.avatarUrl(),
                member.bio(),
                member.skills(),
                member.locale(),
                member.roles().stream().map(TenantRole::id).sorted().toList(),
                member.createdAt(),
                member.updatedAt());
    }
}
