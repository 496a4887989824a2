package dev.atrium.platform.outbox;

import dev.atrium.platform.persistence.AfterCommit;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/**
 * Where a use case records an effect outside its transaction. The event is written in the running transaction,
 * with one delivery per consumer, in one statement: it exists exactly when the change it reports was committed,
 * and the relay is woken when that commit happens.
 */
@ApplicationScoped
public class Outbox {

    private static final String WRITE = "with e as (insert into platform.outbox_event (tenant_id, type, payload)"
            + " values (?1, ?2, cast(?3 as jsonb)) returning id)"
            + " insert into platform.outbox_delivery (event_id, consumer)"
            + " select e.id, c from e, unnest(string_to_array(?4, ',')) as c";

    private static final Object WAKE_ON_COMMIT = new Object();

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    OutboxConsumers consumers;

    @Inject
    OutboxRelay relay;

    @Inject
    AfterCommit afterCommit;

    /** Records an event of the selected tenant (or of the platform, when none is selected). */
    public void publish(Object event) {
        publish(currentTenant.selected().map(TenantRef::id).orElse(null), event);
    }

    /** Records an event for the given tenant (null: the platform's own), e.g. from onboarding. */
    public void publish(UUID tenantId, Object event) {
        String type = OutboxConsumers.typeOf(event.getClass());
        if (!afterCommit.inTransaction()) {
            throw new IllegalStateException("An outbox event is written inside the transaction of its change: " + type);
        }
        List<String> names = consumers.namesFor(event.getClass());
        if (names.isEmpty()) {
            return;
        }
        NativeQueries.execute(em, WRITE, tenantId, type, OutboxConsumers.write(event), String.join(",", names));
        afterCommit.once(WAKE_ON_COMMIT, relay::wake);
    }

    /** Drops the undelivered work of a tenant whose data is gone; in the deletion's transaction. */
    public void discardTenant(UUID tenantId) {
        NativeQueries.execute(em, OutboxStore.DISCARD_TENANT, tenantId);
    }
}
