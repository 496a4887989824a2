package dev.atrium.identity;

import dev.atrium.platform.tenancy.domain.TenantSlug;
import java.util.UUID;

/**
 * A member was removed from the tenant. From the next request on they are refused everywhere, even with a token issued
 * before; every module that keeps something for members (memberships, feeds, assignments) lets go of it here, inside
 * the removal's transaction. {@code removedBy}: the admin who removed them, or {@code null}.
 */
public record MemberRemoved(TenantSlug tenant, UUID memberId, UUID removedBy) {

    /** Who to name in history for what the removal undoes: the admin who removed, else the member. */
    public UUID actor() {
        return removedBy != null ? removedBy : memberId;
    }
}
