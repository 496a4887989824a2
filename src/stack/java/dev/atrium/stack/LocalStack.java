package dev.atrium.stack;

import dev.atrium.stack.stripe.LocalStripe;
import dev.atrium.stack.stripe.RetrySchedule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole local system, started in dependency order and stopped in reverse. An external PostgreSQL, mail server
 * or Keycloak can stand in for the embedded ones: set {@code ATRIUM_DB_HOST} (with {@code ATRIUM_DB_PORT},
 * {@code _NAME}, {@code _USER}, {@code _PASSWORD}), {@code ATRIUM_MAIL_HOST} (with {@code ATRIUM_MAIL_PORT},
 * {@code _FROM}, {@code _USERNAME}, {@code _PASSWORD}, {@code _STARTTLS}) or {@code ATRIUM_KEYCLOAK_URL} and that
 * service is not started. Likewise {@code ATRIUM_STRIPE_API_BASE} (with {@code ATRIUM_STRIPE_SECRET_KEY} and
 * {@code ATRIUM_STRIPE_WEBHOOK_SECRETS}) points the application at a Stripe of its own instead of the local one.
 */
public final class LocalStack implements AutoCloseable {

    private final StackProfile profile;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, Duration> startTimes = new HashMap<>();
    private final boolean externalDatabase;
    private final String keycloakUrl;
    private LibertyServer liberty;
    private Map<String, String> libertyEnvironment;
    private Path buildDirectory;
    private Path stateDirectory;
    private KeycloakServer keycloak;
    private MailServer mail;
    private ObjectStorageServer objects;
    private final boolean externalObjectStorage;
    private final boolean externalMail;
    private final boolean externalStripe;
    private LocalStripe stripe;
    private boolean closed;

    public LocalStack(StackProfile profile) {
        this.profile = profile;
        this.externalDatabase = present(System.getenv("ATRIUM_DB_HOST"));
        this.externalMail = present(System.getenv("ATRIUM_MAIL_HOST"));
        this.externalObjectStorage = present(System.getenv("ATRIUM_MEDIA_S3_ENDPOINT"));
        this.externalStripe = present(System.getenv("ATRIUM_STRIPE_API_BASE"));
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
        ManagedProcess.stopLeftover("mail", state);
        ManagedProcess.stopLeftover("objects", state);
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
        if (!externalObjectStorage) {
            long begin = starting("Object storage (S3Proxy)", profile.objectStoragePort());
            objects = ObjectStorageServer.start(profile, buildDirectory, state);
            register(objects);
            ready("objects", "Object storage (S3Proxy)", begin);
            liberty.put("ATRIUM_MEDIA_S3_ENDPOINT", profile.objectStorageUrl());
            liberty.put("ATRIUM_MEDIA_S3_BUCKET", ObjectStorageServer.BUCKET);
            liberty.put("ATRIUM_MEDIA_S3_REGION", "us-east-1");
            liberty.put("ATRIUM_MEDIA_S3_PATH_STYLE", "true");
            liberty.put("ATRIUM_MEDIA_S3_ACCESS_KEY", ObjectStorageServer.ACCESS_KEY);
            liberty.put("ATRIUM_MEDIA_S3_SECRET_KEY", profile.objectStorageSecret());
        }
        Map<String, String> smtp = new HashMap<>();
        if (!externalMail) {
            long begin = starting("Mail (GreenMail)", profile.smtpPort(), profile.imapPort(), profile.mailApiPort());
            mail = MailServer.start(profile, buildDirectory, state);
            register(mail);
            ready("mail", "Mail (GreenMail)", begin);
            smtp.put("ATRIUM_MAIL_HOST", "localhost");
            smtp.put("ATRIUM_MAIL_PORT", Integer.toString(profile.smtpPort()));
            smtp.put("ATRIUM_MAIL_FROM", profile.mailFrom());
        } else {
            for (String name : List.of(
                    "ATRIUM_MAIL_HOST",
                    "ATRIUM_MAIL_PORT",
                    "ATRIUM_MAIL_FROM",
                    "ATRIUM_MAIL_USERNAME",
                    "ATRIUM_MAIL_PASSWORD",
                    "ATRIUM_MAIL_STARTTLS")) {
                if (present(System.getenv(name))) {
                    smtp.put(name, System.getenv(name));
                }
            }
        }
        liberty.putAll(smtp);
        if (keycloakUrl.equals(profile.keycloakUrl())) {
            long begin = starting("Keycloak", profile.keycloakPort(), profile.keycloakManagementPort());
            keycloak = KeycloakServer.start(profile, buildDirectory, projectDirectory, state, smtp);
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
        // Where browsers reach the application: the base of addresses it hands out (the demo tenants' logos).
        liberty.put("ATRIUM_PUBLIC_URL", profile.baseUrl());

        if (profile != StackProfile.TEST) {
            // The demo tenants' sample members (sam@<slug>.example, pat@<slug>.example) sign in with this, so the
            // README can show their live sockets; a development-only setting, refused elsewhere.
            liberty.put("ATRIUM_IDENTITY_SAMPLE_PASSWORD", "atrium-demo");
        }
        if (profile == StackProfile.TEST) {
            // Retries and polls in milliseconds rather than seconds, so that tests of retries finish quickly.
            liberty.put("ATRIUM_OUTBOX_RETRY_FIRST", "PT0.2S");
            liberty.put("ATRIUM_JOBS_RETRY_FIRST", "PT0.2S");
            liberty.put("ATRIUM_OUTBOX_POLL_INTERVAL", "PT0.2S");
            liberty.put("ATRIUM_JOBS_POLL_INTERVAL", "PT0.5S");
            // A job a killed server was running is run again after 4 missed heartbeats: 4 s here, 2 minutes in
            // production.
            liberty.put("ATRIUM_JOBS_HEARTBEAT", "PT1S");
            // A socket that never authenticates is closed sooner, so the test of it waits two seconds, not ten.
            liberty.put("ATRIUM_LIVE_AUTHENTICATION_TIMEOUT", "PT2S");
            // Live events are kept a second, so the test of a client that comes back too late needs no long wait.
            liberty.put("ATRIUM_LIVE_RETENTION", "PT1S");
            // Digests are due at once, so a test runs the digest job and reads the digest.
            liberty.put("ATRIUM_NOTIFICATIONS_DAILY_DIGEST_EVERY", "PT0S");
            liberty.put("ATRIUM_NOTIFICATIONS_WEEKLY_DIGEST_EVERY", "PT0S");
            // A plan's grace period lasts seconds, checked every second, so a failed renewal reaches suspension (and
            // a cancellation archiving) within a test.
            liberty.put("ATRIUM_BILLING_PLAN_GRACE_PERIOD", "PT3S");
            liberty.put("ATRIUM_BILLING_GRACE_CHECK_EVERY", "PT1S");
        }
        liberty.putAll(startStripe(state));
        this.libertyEnvironment = Map.copyOf(liberty);
        this.buildDirectory = buildDirectory;
        this.stateDirectory = state;
        long begin = starting("Atrium on Open Liberty", profile.httpPort(), profile.httpsPort());
        this.liberty = LibertyServer.start(profile, buildDirectory, state, liberty);
        register(this.liberty);
        ready("liberty", "Atrium on Open Liberty", begin);
    }

    /**
     * The local Stripe, with the two webhook endpoints an operator registers on Stripe: one for the platform
     * account's events and a Connect endpoint for connected accounts' events, both at the application's webhook URL.
     * Answers the application's Stripe settings (passed through from the environment for an external Stripe).
     */
    private Map<String, String> startStripe(Path state) throws Exception {
        Map<String, String> settings = new HashMap<>();
        if (externalStripe) {
            for (String name :
                    List.of("ATRIUM_STRIPE_API_BASE", "ATRIUM_STRIPE_SECRET_KEY", "ATRIUM_STRIPE_WEBHOOK_SECRETS")) {
                if (present(System.getenv(name))) {
                    settings.put(name, System.getenv(name));
                }
            }
            return settings;
        }
        long begin = starting("Stripe (local)", profile.stripePort());
        stripe = LocalStripe.start(new LocalStripe.Settings(
                profile.stripePort(),
                profile.stripeSecretKey(),
                profile.cleanState() ? null : state.resolve("stripe").resolve("state.json"),
                profile == StackProfile.TEST ? RetrySchedule.fast() : RetrySchedule.standard(),
                Clock.systemUTC()));
        register(stripe);
        String webhook = profile.baseUrl() + "/api/v1/billing/stripe/webhook";
        stripe.registerWebhookEndpoint(webhook, false, profile.stripeWebhookSecret(), List.of("*"));
        stripe.registerWebhookEndpoint(webhook, true, profile.stripeConnectWebhookSecret(), List.of("*"));
        ready("stripe", "Stripe (local)", begin);
        settings.put("ATRIUM_STRIPE_API_BASE", profile.stripeUrl());
        settings.put("ATRIUM_STRIPE_SECRET_KEY", profile.stripeSecretKey());
        settings.put(
                "ATRIUM_STRIPE_WEBHOOK_SECRETS",
                profile.stripeWebhookSecret() + "," + profile.stripeConnectWebhookSecret());
        return settings;
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

    /**
     * Kills the application server (SIGKILL: nothing it had not finished survives) and starts it again with the same
     * configuration; for tests of crash recovery. The database and Keycloak keep running.
     */
    public synchronized void crashAndRestartApplication() throws java.io.IOException {
        started.remove(liberty);
        liberty.kill();
        System.out.println("[stack] Atrium on Open Liberty: killed; starting again ...");
        long begin = System.nanoTime();
        liberty = LibertyServer.restart(profile, buildDirectory, stateDirectory, libertyEnvironment);
        started.push(liberty);
        ready("liberty", "Atrium on Open Liberty", begin);
    }

    /** A second application replica on the given ports, sharing every service; for measurements across replicas. */
    public synchronized Replica startReplica(int httpPort, int httpsPort) throws java.io.IOException {
        long begin = starting("Atrium replica on Open Liberty", httpPort, httpsPort);
        LibertyServer replica =
                LibertyServer.startReplica(buildDirectory, stateDirectory, libertyEnvironment, httpPort, httpsPort);
        ready("liberty-replica", "Atrium replica on Open Liberty", begin);
        return new Replica("http://localhost:" + httpPort, replica);
    }

    /** A running second replica; closing it stops it. */
    public static final class Replica implements AutoCloseable {
        private final String baseUrl;
        private final LibertyServer server;

        Replica(String baseUrl, LibertyServer server) {
            this.baseUrl = baseUrl;
            this.server = server;
        }

        public String baseUrl() {
            return baseUrl;
        }

        public long pid() {
            return server.pid();
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    /** The application server's JVM, for measurements (heap). */
    public long applicationPid() {
        return liberty.pid();
    }

    public StackProfile profile() {
        return profile;
    }

    public String keycloakUrl() {
        return keycloakUrl;
    }

    /**
     * The local Stripe, for tests in the same JVM to play the buyer, the bank and time ({@code payCheckoutSession},
     * {@code renewSubscription}, ...); null when the application uses an external Stripe.
     */
    public LocalStripe stripe() {
        return stripe;
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
        if (objects != null && !objects.process().isAlive()) {
            return "objects (log: " + objects.process().logFile() + ")";
        }
        if (mail != null && !mail.process().isAlive()) {
            return "mail (log: " + mail.process().logFile() + ")";
        }
        if (keycloak != null && !keycloak.process().isAlive()) {
            return "keycloak (log: " + keycloak.process().logFile() + ")";
        }
        return null;
    }

    /** Stops Liberty first, then the local Stripe, Keycloak and the rest in reverse order; safe to call more than once. */
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
