package dev.atrium.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** Transactions against the real persistence unit, for the in-container persistence test. */
@ApplicationScoped
public class ProbeStore {

    @PersistenceContext(unitName = "atrium")
    EntityManager entityManager;

    @Transactional
    public void createTable() {
        entityManager
                .createNativeQuery("CREATE SCHEMA IF NOT EXISTS arquillian_probe")
                .executeUpdate();
        entityManager
                .createNativeQuery("CREATE TABLE IF NOT EXISTS arquillian_probe.probe (id uuid PRIMARY KEY,"
                        + " label text NOT NULL)")
                .executeUpdate();
    }

    @Transactional
    public void save(Probe probe) {
        entityManager.persist(probe);
    }

    @Transactional
    public void saveThenFail(Probe probe) {
        entityManager.persist(probe);
        entityManager.flush();
        throw new IllegalStateException("the use case failed after writing");
    }

    @Transactional
    public Optional<Probe> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Probe.class, id));
    }

    public boolean isInSharedCache(UUID id) {
        return entityManager.getEntityManagerFactory().getCache().contains(Probe.class, id);
    }

    @Transactional
    public String platformSchemaVersion() {
        Object version = entityManager
                .createNativeQuery("SELECT max(version) FROM platform.flyway_schema_history WHERE success")
                .getSingleResult();
        return version == null ? null : version.toString();
    }
}
