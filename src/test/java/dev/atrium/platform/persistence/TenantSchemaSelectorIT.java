package dev.atrium.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside Liberty (Arquillian): the one place that chooses a tenant's schema refuses to work outside a
 * transaction and refuses a second tenant in one transaction, and its choice ends with the transaction.
 */
@ExtendWith(ArquillianExtension.class)
class TenantSchemaSelectorIT {

    @Inject
    SchemaProbe probe;

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "schema-selector-it.war")
                .addClasses(TenantSchemaSelector.class, SchemaProbe.class, Probe.class)
                .addAsResource("META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Test
    void aTransactionWorksOnTheSelectedSchemaUntilItEnds() {
        assertEquals("\"t_alpha\"", probe.selectAndShow("t_alpha"));
        assertFalse(probe.searchPathOfANewTransaction().contains("t_alpha"), "the next transaction starts clean");
    }

    @Test
    void aSecondTenantInOneTransactionIsRefused() {
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> probe.selectTwoTenants("t_alpha", "t_beta"));
        assertTrue(refused.getMessage().contains("cannot switch"), refused::getMessage);
    }

    @Test
    void tenantDataIsNotReachedOutsideATransaction() {
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> probe.selectWithoutTransaction("t_alpha"));
        assertTrue(refused.getMessage().contains("inside an active transaction"), refused::getMessage);
    }
}
