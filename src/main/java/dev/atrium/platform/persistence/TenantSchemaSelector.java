package dev.atrium.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The one place that knows which tenant schema a transaction works on. Entities of tenant modules are mapped to
 * unqualified tables; the connection's {@code search_path} is set to the tenant's schema with {@code set_config(...,
 * true)}, which lasts until the transaction ends, so a pooled connection never carries one tenant's schema into
 * another's request. Outside a transaction there is no tenant data access at all: the default search path holds no
 * tenant tables.
 *
 * <p>The choice is remembered in the transaction's registry: it is made once per transaction, and a transaction that
 * tries to switch to a second tenant is stopped rather than allowed to mix two tenants' data. A request's tenant is
 * switched to by the statement that also reads its directory entry (see {@code TenantGate}), which then records it
 * here with {@link #selected}; jobs switch with {@link #select}.
 */
@ApplicationScoped
public class TenantSchemaSelector {

    private static final String SELECTED_SCHEMA = TenantSchemaSelector.class.getName() + ".schema";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Switches the running transaction to the schema (once; a second tenant is refused). */
    public void select(String schemaName) {
        if (!isSelected(schemaName)) {
            em.createNativeQuery("select set_config('search_path', ?1, true)")
                    .setParameter(1, '"' + schemaName + '"')
                    .getSingleResult();
            selected(schemaName);
        }
    }

    /**
     * Whether the running transaction already works on this schema; refuses a transaction that works on another
     * one, and any call outside an active transaction.
     */
    public boolean isSelected(String schemaName) {
        if (transaction.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Tenant data is only accessed inside an active transaction");
        }
        Object selected = transaction.getResource(SELECTED_SCHEMA);
        if (selected != null && !selected.equals(schemaName)) {
            throw new IllegalStateException(
                    "This transaction already works on schema " + selected + " and cannot switch to " + schemaName);
        }
        return selected != null;
    }

    /** Records that a statement of the running transaction has switched it to the schema. */
    public void selected(String schemaName) {
        transaction.putResource(SELECTED_SCHEMA, schemaName);
    }
}
