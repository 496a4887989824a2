package dev.atrium.stack;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A taken port is named before a service starts, instead of the service timing out. */
class PortsTest {

    @Test
    void aTakenPortIsNamedWithTheServiceThatNeedsIt() throws Exception {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int taken = holder.getLocalPort();
            IllegalStateException refused =
                    assertThrows(IllegalStateException.class, () -> Ports.requireFree("Keycloak", taken));
            assertTrue(refused.getMessage().contains("Port " + taken), refused::getMessage);
            assertTrue(refused.getMessage().contains("Keycloak"), refused::getMessage);
        }
        try (ServerSocket probe = new ServerSocket(0)) {
            int free = probe.getLocalPort();
            probe.close();
            assertDoesNotThrow(() -> Ports.requireFree("PostgreSQL", free));
        }
    }

    /** A leftover is stopped only if its command line names this build directory (not a copied pid file's). */
    @Test
    void aProcessIsOursOnlyIfItRunsFromTheGivenDirectory() {
        ProcessHandle self = ProcessHandle.current();
        java.nio.file.Path javaHome = java.nio.file.Path.of(System.getProperty("java.home"));
        if (self.info().commandLine().isPresent()) {
            assertTrue(ManagedProcess.runsFrom(self, javaHome), "this JVM runs from its own java.home");
        }
        assertFalse(ManagedProcess.runsFrom(self, java.nio.file.Path.of("/no/such/checkout")));
    }
}
