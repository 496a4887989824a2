package dev.atrium.stack;

import java.nio.file.Path;

/**
 * One local system's settings. Development keeps its state (database, Keycloak) between runs; the integration
 * tests start from a clean state every time.
 */
public enum StackProfile {
    DEV("dev", "atrium", 15432, 8180, 9080, 9443, 13025, false),
    TEST("test", "atrium-it", 25432, 28180, 29080, 29443, 23025, true);

    public static final String OPERATOR_USERNAME = "operator";
    public static final String PLATFORM_CLIENT_ID = "atrium-platform";
    public static final String CLI_CLIENT_ID = "atrium-cli";
    public static final String KEYCLOAK_ADMIN_USERNAME = "admin";

    private final String name;
    private final String libertyServerName;
    private final int databasePort;
    private final int keycloakPort;
    private final int httpPort;
    private final int httpsPort;
    private final int smtpPort;
    private final boolean cleanState;

    StackProfile(
            String name,
            String libertyServerName,
            int databasePort,
            int keycloakPort,
            int httpPort,
            int httpsPort,
            int smtpPort,
            boolean cleanState) {
        this.name = name;
        this.libertyServerName = libertyServerName;
        this.databasePort = databasePort;
        this.keycloakPort = keycloakPort;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.smtpPort = smtpPort;
        this.cleanState = cleanState;
    }

    public String libertyServerName() {
        return libertyServerName;
    }

    public int databasePort() {
        return databasePort;
    }

    public int keycloakPort() {
        return keycloakPort;
    }

    /** Keycloak's management interface (health, metrics) sits on the next port. */
    public int keycloakManagementPort() {
        return keycloakPort + 1;
    }

    public int httpPort() {
        return httpPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    /** The mail server's SMTP port; its IMAP port is 118 higher (3025 to 3143 in GreenMail's own convention). */
    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return smtpPort + 118;
    }

    /** The mail server's HTTP API (and its OpenAPI page) sits on the SMTP port plus 5000 (13025 to 18025). */
    public int mailApiPort() {
        return smtpPort + 5000;
    }

    public String mailApiUrl() {
        return "http://localhost:" + mailApiPort();
    }

    /** The object storage (S3Proxy) port: 18090 in development, 28090 in tests. */
    public int objectStoragePort() {
        return smtpPort + 5065;
    }

    public String objectStorageUrl() {
        return "http://localhost:" + objectStoragePort();
    }

    public String objectStorageSecret() {
        return env("ATRIUM_MEDIA_S3_SECRET_KEY", "atrium-objects-dev-secret");
    }

    /** The local Stripe-compatible server's port: 18111 in development, 28111 in tests. */
    public int stripePort() {
        return smtpPort + 5086;
    }

    /** The local Stripe's address: stripe-java's API base and Connect base, and the base of its pages. */
    public String stripeUrl() {
        return "http://localhost:" + stripePort();
    }

    public String stripeSecretKey() {
        return env("ATRIUM_STRIPE_SECRET_KEY", "sk_test_atrium_local");
    }

    /** The signing secret of the webhook endpoint for the platform account's own events. */
    public String stripeWebhookSecret() {
        return env("ATRIUM_STRIPE_WEBHOOK_SECRET", "whsec_atrium_local_account");
    }

    /** The signing secret of the Connect webhook endpoint, for connected accounts' events. */
    public String stripeConnectWebhookSecret() {
        return env("ATRIUM_STRIPE_CONNECT_WEBHOOK_SECRET", "whsec_atrium_local_connect");
    }

    /** The address the application and Keycloak send from in local stacks. */
    public String mailFrom() {
        return "no-reply@atrium.localhost";
    }

    public boolean cleanState() {
        return cleanState;
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    public String issuer() {
        return keycloakUrl() + "/realms/atrium";
    }

    /** Development credentials: overridable through the environment, never used outside the local system. */
    public String operatorPassword() {
        return env("ATRIUM_OPERATOR_PASSWORD", "operator");
    }

    public String platformClientSecret() {
        return env("ATRIUM_PLATFORM_CLIENT_SECRET", "atrium-platform-dev-secret");
    }

    public String keycloakAdminPassword() {
        return env("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    }

    /** The embedded database as a JDBC URL, for benchmarks that load data directly. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + databasePort + "/" + EmbeddedDatabase.DATABASE;
    }

    public String databaseUser() {
        return EmbeddedDatabase.ROLE;
    }

    public String databasePassword() {
        return env("ATRIUM_DB_PASSWORD", "atrium");
    }

    /** Where this profile keeps its processes' state and logs: {@code target/stack/<profile>}. */
    public Path stateDirectory(Path buildDirectory) {
        return buildDirectory.resolve("stack").resolve(name);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
