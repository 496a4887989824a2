package dev.atrium.billing.infrastructure;

import dev.atrium.platform.persistence.NativeQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The current tenant's entitlement grants: one row per source and entitlement, revoked rather than deleted. */
@ApplicationScoped
public class EntitlementGrants {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /** Grants (again, if it was revoked) what a source pays for. */
    public void grant(String sourceKind, UUID sourceId, UUID memberId, Set<String> entitlements, OffsetDateTime now) {
        for (String entitlement : entitlements) {
            NativeQueries.execute(
                    em,
                    "insert into billing_entitlement (source_id, entitlement, source_kind, member_id, granted_at)"
                            + " values (?1, ?2, ?3, ?4, ?5) on conflict (source_id, entitlement)"
                            + " do update set revoked_at = null, granted_at = excluded.granted_at"
                            + " where billing_entitlement.revoked_at is not null",
                    sourceId.toString(),
                    entitlement,
                    sourceKind,
                    memberId.toString(),
                    now);
        }
    }

    public void revoke(UUID sourceId, OffsetDateTime now) {
        NativeQueries.execute(
                em,
                "update billing_entitlement set revoked_at = ?2 where source_id = ?1 and revoked_at is null",
                sourceId.toString(),
                now);
    }

    public boolean holds(UUID memberId, String entitlement) {
        return !NativeQueries.rows(
                        em,
                        "select 1 from billing_entitlement where member_id = ?1 and entitlement = ?2"
                                + " and revoked_at is null limit 1",
                        memberId.toString(),
                        entitlement)
                .isEmpty();
    }

    public Set<String> held(UUID memberId) {
        Set<String> held = new HashSet<>();
        for (Object[] row : NativeQueries.rows(
                em,
                "select distinct entitlement from billing_entitlement where member_id = ?1 and revoked_at is null",
                memberId.toString())) {
            held.add((String) row[0]);
        }
        return held;
    }

    /** Every member who holds an entitlement now (e.g. those featured in search), in one indexed query. */
    public Set<UUID> holders(String entitlement) {
        Set<UUID> holders = new HashSet<>();
        for (Object[] row : NativeQueries.rows(
                em,
                "select distinct member_id from billing_entitlement where entitlement = ?1 and revoked_at is null",
                entitlement)) {
            holders.add(NativeQueries.uuid(row[0]));
        }
        return holders;
    }
}
