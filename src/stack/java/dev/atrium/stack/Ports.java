package dev.atrium.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks, before a service starts, that its ports are free, so that a taken port is named instead of timing out. */
final class Ports {

    private Ports() {}

    static void requireFree(String service, int... ports) {
        for (int port : ports) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException taken) {
                throw new IllegalStateException("Port " + port + " is already in use, so " + service + " cannot start."
                        + " Another program (or another run of this stack) holds it: stop it, or find it with"
                        + " `ss -ltnp 'sport = :" + port + "'`.");
            }
        }
    }
}
