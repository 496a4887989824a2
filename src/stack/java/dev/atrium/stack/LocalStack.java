package dev.atrium.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole local system, started in dependency order and stopped in reverse. An external PostgreSQL or Keycloak
 * can stand in for the embedded ones: set {@code ATRIUM_DB_HOST} (with {@code ATRIUM_DB_PORT}, {@code _NAME},
 * {@code _USER}, {@code _PASSWORD}) or {@code ATRIUM_KEYCLOAK_URL} and that service is not started.
 */
public final class LocalStack implements AutoCloseable {

    private final StackProfile profile;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, Duration> startTimes = new HashMap<>();
    private final boolean externalDatabase;
    private final String keycloakUrl;
    private LibertyServer liberty;
    private KeycloakServer keycloak;
    private boolean closed;

    public LocalStack(StackProfile profile) {
        this.profile = profile;
        this.externalDatabase = present(System.getenv("ATRIUM_DB_HOST"));
        String external = System.getenv("ATRIUM_KEYCLOAK_URL");
        this.keycloakUrl = present(external) ? external.replaceAll("/+$", "") : profile.keycloakUrl();
    }

    /**
     * Starts every service, or none: a failure stops what had started. {@link #close()} may be called from another
     * thread (a shutdown hook) while this runs.
     */
    public void start(Path buildDirectory, Path projectDirectory) throws Exception {
        try {
            startAll(buildDirectory.toAbsolutePath(), projectDirectory.toAbsolutePath());
        } catch (Exception | Error failed) {
            close();
            throw failed;
        }
    }

    private void startAll(Path buildDirectory, Path projectDirectory) throws Exception {
        Path state = profile.stateDirectory(buildDirectory);
        // Leftovers of a run that was killed hard: the clients first, so that the database can shut down.
        ManagedProcess.stopLeftover("liberty", state);
        ManagedProcess.stopLeftover("keycloak", state);
        if (!externalDatabase) {
            EmbeddedDatabase.stopLeftover(state.resolve("postgres"));
        }
        Map<String, String> liberty = new HashMap<>();
        if (!externalDatabase) {
            long begin = starting("PostgreSQL", profile.databasePort());
            EmbeddedDatabase database = EmbeddedDatabase.start(profile, state);
            register(database);
            ready("postgresql", "PostgreSQL", begin);
            liberty.put("ATRIUM_DB_HOST", "localhost");
            liberty.put("ATRIUM_DB_PORT", Integer.toString(database.port()));
            liberty.put("ATRIUM_DB_NAME", EmbeddedDatabase.DATABASE);
            liberty.put("ATRIUM_DB_USER", EmbeddedDatabase.ROLE);
            liberty.put("ATRIUM_DB_PASSWORD", profile.databasePassword());
        }
        if (keycloakUrl.equals(profile.keycloakUrl())) {
            long begin = starting("Keycloak", profile.keycloakPort(), profile.keycloakManagementPort());
            keycloak = KeycloakServer.start(profile, buildDirectory, projectDirectory, state);
            register(keycloak);
            ready("keycloak", "Keycloak", begin);
        }
        String issuer = keycloakUrl + "/realms/atrium";
        liberty.put("ATRIUM_JWT_ISSUER", issuer);
        liberty.put("ATRIUM_JWT_JWKS_URI", issuer + "/protocol/openid-connect/certs");
        liberty.put("ATRIUM_KEYCLOAK_URL", keycloakUrl);
        liberty.put("ATRIUM_KEYCLOAK_CLIENT_ID", StackProfile.PLATFORM_CLIENT_ID);
        liberty.put("ATRIUM_KEYCLOAK_CLIENT_SECRET", profile.platformClientSecret());
        // Local stacks have no mail server and sign members in from tools and tests: new accounts get a temporary
        // password handed back by the API, and tenant clients allow the password grant. Never set in production.
        liberty.put("ATRIUM_DEVELOPMENT_MODE", "true");
        liberty.put("ATRIUM_IDENTITY_TEMPORARY_PASSWORDS", "true");
        liberty.put("ATRIUM_KEYCLOAK_DIRECT_ACCESS_GRANTS", "true");
        liberty.put("ATRIUM_KEYCLOAK_EXTRA_REDIRECT_URIS", "http://localhost:5173/*,http://localhost:3000/*");
        liberty.put(
                "ATRIUM_TENANTS_DIRECTORY", projectDirectory.resolve("tenants").toString());

        long begin = starting("Atrium on Open Liberty", profile.httpPort(), profile.httpsPort());
        this.liberty = LibertyServer.start(profile, buildDirectory, state, liberty);
        register(this.liberty);
        ready("liberty", "Atrium on Open Liberty", begin);
    }

    /** One line as a service starts (after its ports were found free), so that a long start is never silent. */
    private long starting(String service, int... ports) {
        Ports.requireFree(service, ports);
        System.out.printf("[stack] %s: starting on port %s ...%n", service, portList(ports));
        return System.nanoTime();
    }

    private void ready(String key, String service, long begin) {
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        startTimes.put(key, took);
        System.out.printf("[stack] %s: ready in %.1f s%n", service, took.toMillis() / 1000.0);
    }

    private static String portList(int... ports) {
        StringBuilder list = new StringBuilder();
        for (int port : ports) {
            list.append(list.isEmpty() ? "" : " and ").append(port);
        }
        return list.toString();
    }

    /** Records a started service; one that starts after the stack was closed is stopped at once. */
    private synchronized void register(AutoCloseable service) throws Exception {
        if (closed) {
            service.close();
            throw new IllegalStateException("The stack was stopped while starting.");
        }
        started.push(service);
    }

    public StackProfile profile() {
        return profile;
    }

    public String keycloakUrl() {
        return keycloakUrl;
    }

    public String issuer() {
        return keycloakUrl + "/realms/atrium";
    }

    public Map<String, Duration> startTimes() {
        return Map.copyOf(startTimes);
    }

    /** The first of the stack's processes that has exited, if any: the system is no longer whole. */
    public String exitedProcess() {
        if (liberty != null && !liberty.process().isAlive()) {
            return "liberty (log: " + liberty.process().logFile() + ")";
        }
        if (keycloak != null && !keycloak.process().isAlive()) {
            return "keycloak (log: " + keycloak.process().logFile() + ")";
        }
        return null;
    }

    /** Stops Liberty first, then Keycloak, then PostgreSQL; safe to call more than once. */
    @Override
    public synchronized void close() {
        closed = true;
        while (!started.isEmpty()) {
            AutoCloseable service = started.pop();
            try {
                service.close();
            } catch (Exception failed) {
                System.err.println("[stack] could not stop " + service + ": " + failed);
            }
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
