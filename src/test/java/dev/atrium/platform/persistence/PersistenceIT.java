package dev.atrium.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside Liberty (Arquillian): the application's persistence unit, on the server's data source, against the
 * real PostgreSQL, with JTA transactions that commit and roll back, and no shared cache.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

    @Inject
    ProbeStore store;

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "persistence-it.war")
                .addClasses(Probe.class, ProbeStore.class)
                .addAsResource("META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @BeforeEach
    void createTable() {
        store.createTable();
    }

    @Test
    void committedTransactionIsVisibleToTheNextOne() {
        UUID id = UUID.randomUUID();
        store.save(new Probe(id, "committed"));
        assertEquals("committed", store.find(id).orElseThrow().label());
    }

    @Test
    void failedUseCaseRollsBackItsWrites() {
        UUID id = UUID.randomUUID();
        assertThrows(RuntimeException.class, () -> store.saveThenFail(new Probe(id, "rolled back")));
        assertTrue(store.find(id).isEmpty());
    }

    @Test
    void entitiesAreNotKeptInTheSharedCache() {
        UUID id = UUID.randomUUID();
        store.save(new Probe(id, "uncached"));
        store.find(id);
        assertFalse(store.isInSharedCache(id));
    }

    @Test
    void platformSchemaWasMigratedAtStartUp() {
        assertNotNull(store.platformSchemaVersion());
    }
}
