package dev.atrium.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Drives TenantSchemaSelector inside and outside transactions, for the in-container selector test. */
@ApplicationScoped
public class SchemaProbe {

    @Inject
    TenantSchemaSelector selector;

    @PersistenceContext(unitName = "atrium")
    EntityManager entityManager;

    /** Selects a schema and answers the connection's search_path as PostgreSQL reports it, in one transaction. */
    @Transactional
    public String selectAndShow(String schema) {
        selector.select(schema);
        selector.select(schema);
        return searchPath();
    }

    @Transactional
    public void selectTwoTenants(String first, String second) {
        selector.select(first);
        selector.select(second);
    }

    /** No transaction: the selector must refuse. */
    public void selectWithoutTransaction(String schema) {
        selector.select(schema);
    }

    @Transactional
    public String searchPathOfANewTransaction() {
        return searchPath();
    }

    private String searchPath() {
        return entityManager
                .createNativeQuery("select current_setting('search_path')")
                .getSingleResult()
                .toString();
    }
}
