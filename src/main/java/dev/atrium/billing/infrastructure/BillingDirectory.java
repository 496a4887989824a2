package dev.atrium.billing.infrastructure;

import dev.atrium.billing.domain.PaymentProvider;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.PlatformTransactional;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The platform's record of whose each Stripe customer and connected account is, and of the Stripe events already
 * applied. Its statements name the {@code platform} schema, so they work inside a tenant's transaction too: an event's
 * mark is written in the transaction of its effects, wherever they are.
 */
@ApplicationScoped
@PlatformTransactional
public class BillingDirectory {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    /** Who a customer or connected account belongs to: a tenant, or (memberId set) one of its members. */
    public record Owner(UUID tenantId, UUID memberId) {

        public boolean isTenant() {
            return memberId == null;
        }
    }

    public Optional<Owner> ownerOfCustomer(String customerId) {
        return owner("select tenant_id, member_id from platform.billing_customer where customer_id = ?1", customerId);
    }

    public Optional<String> tenantCustomer(UUID tenantId) {
        List<Object[]> rows = NativeQueries.rows(
                em,
                "select customer_id from platform.billing_customer where tenant_id = cast(?1 as uuid) and member_id is null",
                tenantId.toString());
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0)[0]);
    }

    public Optional<String> memberCustomer(UUID tenantId, UUID memberId) {
        List<Object[]> rows = NativeQueries.rows(
                em,
                "select customer_id from platform.billing_customer where tenant_id = cast(?1 as uuid)"
                        + " and member_id = cast(?2 as uuid)",
                tenantId.toString(),
                memberId.toString());
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0)[0]);
    }

    /** A connected account and its state as last read from the provider. */
    public record ConnectedAccount(
            String accountId,
            boolean detailsSubmitted,
            boolean chargesEnabled,
            boolean payoutsEnabled,
            boolean transfersActive,
            List<String> requirementsDue) {

        /** Whether transfers can be made to it now. */
        public boolean isReady() {
            return transfersActive && detailsSubmitted;
        }
    }

    /** The connected account of a tenant (memberId null) or of one of its members. */
    public Optional<ConnectedAccount> connectedAccount(UUID tenantId, UUID memberId) {
        List<Object[]> rows = NativeQueries.rows(
                em,
                "select account_id, details_submitted, charges_enabled, payouts_enabled, transfers_active,"
                        + " requirements_due from platform.billing_connected_account where tenant_id = cast(?1 as uuid)"
                        + " and member_id is not distinct from cast(?2 as uuid)",
                tenantId.toString(),
                NativeQueries.text(memberId));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        String due = (String) row[5];
        return Optional.of(new ConnectedAccount(
                (String) row[0],
                (Boolean) row[1],
                (Boolean) row[2],
                (Boolean) row[3],
                (Boolean) row[4],
                due == null || due.isBlank() ? List.of() : List.of(due.split(" "))));
    }

    public Optional<Owner> ownerOfAccount(String accountId) {
        return owner(
                "select tenant_id, member_id from platform.billing_connected_account where account_id = ?1", accountId);
    }

    public void recordConnectedAccount(String accountId, Owner owner, OffsetDateTime now) {
        NativeQueries.execute(
                em,
                "insert into platform.billing_connected_account (account_id, tenant_id, member_id, created_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing",
                accountId,
                owner.tenantId().toString(),
                NativeQueries.text(owner.memberId()),
                now);
    }

    /** Takes an account's state as read at {@code readAt}, unless a fresher read was taken already. */
    public void recordAccountState(PaymentProvider.AccountState state, OffsetDateTime readAt) {
        NativeQueries.execute(
                em,
                "update platform.billing_connected_account set details_submitted = ?2, charges_enabled = ?3,"
                        + " payouts_enabled = ?4, transfers_active = ?5, requirements_due = ?6, read_from_stripe_at = ?7"
                        + " where account_id = ?1 and (read_from_stripe_at is null or read_from_stripe_at <= ?7)",
                state.id(),
                state.detailsSubmitted(),
                state.chargesEnabled(),
                state.payoutsEnabled(),
                state.transfersActive(),
                String.join(" ", state.requirementsDue()),
                readAt);
    }

    /** Records a customer made for the owner; a second record of the same customer changes nothing. */
    public void recordCustomer(String customerId, Owner owner, OffsetDateTime now) {
        NativeQueries.execute(
                em,
                "insert into platform.billing_customer (customer_id, tenant_id, member_id, created_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing",
                customerId,
                owner.tenantId().toString(),
                NativeQueries.text(owner.memberId()),
                now);
    }

    /**
     * Marks a Stripe event as applied, in the transaction of its effects. @return false if it was already applied (or
     * is being applied by a transaction that will commit first): the caller then changes nothing
     */
    public boolean markApplied(String eventId, String type, UUID tenantId, OffsetDateTime now) {
        return NativeQueries.execute(
                        em,
                        "insert into platform.stripe_event (event_id, type, tenant_id, processed_at)"
                                + " values (?1, ?2, ?3, ?4) on conflict do nothing",
                        eventId,
                        type,
                        NativeQueries.text(tenantId),
                        now)
                == 1;
    }

    /** Marks an event that concerns nothing Atrium applies (another system's customer, an object it does not use). */
    public void ignore(PaymentProvider.ProviderEvent event, OffsetDateTime now) {
        markApplied(event.id(), event.type(), null, now);
    }

    public boolean isApplied(String eventId) {
        return !NativeQueries.rows(em, "select 1 from platform.stripe_event where event_id = ?1", eventId)
                .isEmpty();
    }

    private Optional<Owner> owner(String sql, String id) {
        List<Object[]> rows = NativeQueries.rows(em, sql, id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new Owner(NativeQueries.uuid(row[0]), row[1] == null ? null : NativeQueries.uuid(row[1])));
    }
}
