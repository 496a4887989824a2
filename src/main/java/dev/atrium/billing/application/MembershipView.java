package dev.atrium.billing.application;

import dev.atrium.billing.domain.Membership;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A member's premium membership: live while {@code active} or {@code past_due}. */
public record MembershipView(
        UUID id,
        UUID memberId,
        UUID productId,
        String status,
        String interval,
        String currency,
        long amount,
        OffsetDateTime currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        OffsetDateTime createdAt) {

    static MembershipView of(Membership membership) {
        return new MembershipView(
                membership.id(),
                membership.memberId(),
                membership.productId(),
                membership.status().name().toLowerCase(java.util.Locale.ROOT),
                membership.interval().id(),
                membership.amount().currency(),
                membership.amount().minor(),
                membership.currentPeriodEnd(),
                membership.cancelAtPeriodEnd(),
                membership.createdAt());
    }
}
