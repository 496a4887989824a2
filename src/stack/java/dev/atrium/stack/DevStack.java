package dev.atrium.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The run command's entry point ({@code ./mvnw -Pdev}): starts the whole local system, prints where everything is,
 * and runs until Ctrl-C or SIGTERM, which stop every process it started.
 */
public final class DevStack {

    private DevStack() {}

    public static void main(String[] args) throws Exception {
        long begin = System.nanoTime();
        Path buildDirectory = Path.of(System.getProperty("atrium.build.directory", "target"));
        Path projectDirectory = Path.of(System.getProperty("atrium.project.directory", "."));
        CountDownLatch stopping = new CountDownLatch(1);
        LocalStack stack = new LocalStack(StackProfile.DEV);
        // Registered before anything starts, so that Ctrl-C during start-up also stops what has started.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping.countDown();
                            System.out.println(
                                    "[stack] stopping Liberty, the local Stripe, Keycloak, the mail and object servers"
                                            + " and PostgreSQL ...");
                            stack.close();
                            System.out.println("[stack] stopped.");
                        },
                        "atrium-stack-shutdown"));
        stack.start(buildDirectory, projectDirectory);
        if (stack.stripe() != null) {
            DemoApi api = new DemoApi(StackProfile.DEV, stack.keycloakUrl());
            new DemoBilling(StackProfile.DEV, api, stack.stripe()).makeDemoPurchases();
            new DemoMarketplace(api, stack.stripe()).makeDemoWork();
        }
        printBanner(stack, Duration.ofNanos(System.nanoTime() - begin));
        while (!stopping.await(1, TimeUnit.SECONDS)) {
            String exited = stack.exitedProcess();
            if (exited != null && stopping.getCount() > 0) {
                System.err.println("[stack] " + exited + " has exited; stopping the rest.");
                System.exit(1);
            }
        }
    }

    /** Where the local Stripe is and what the application trusts it with, or where the external one is. */
    private static String stripeLines(LocalStack stack) {
        StackProfile profile = stack.profile();
        if (stack.stripe() == null) {
            return " Stripe         external: " + System.getenv("ATRIUM_STRIPE_API_BASE");
        }
        String url = stack.stripe().url();
        return String.format(
                        """
                 Stripe (local) %s (API and Connect base), secret key %s
                                webhook secrets: %s (platform), %s (Connect)
                                checkout pages %s/checkout/<session id>; control API %s/local (docs/local-stripe.md)
                """,
                        url,
                        profile.stripeSecretKey(),
                        profile.stripeWebhookSecret(),
                        profile.stripeConnectWebhookSecret(),
                        url,
                        url)
                .stripTrailing();
    }

    private static void printBanner(LocalStack stack, Duration elapsed) {
        StackProfile profile = stack.profile();
        String base = profile.baseUrl();
        System.out.printf(
                """

                ================================================================================
                 Atrium is ready (%.1f s; %s)

                 API            %s/api/v1
                 Health         %s/health/ready
                 OpenAPI        %s/openapi   UI: %s/openapi/ui
                 Keycloak       %s   admin console: %s/admin  (user %s, password %s)
                 Objects        %s (S3 API, bucket %s, access key %s, secret %s)
                 Mail           SMTP localhost:%d; read it at %s/api/user/<address>/messages/
                                or over IMAP localhost:%d (any user name and password)
                %s

                 Platform operator (realm atrium, role platform-admin)
                   user %s, password %s
                   token: curl -s -d grant_type=password -d client_id=%s -d username=%s \\
                            -d password=%s %s/protocol/openid-connect/token
                 Service account: client %s, secret %s

                 Ctrl-C stops Liberty, the local Stripe, Keycloak, the mail and object servers and PostgreSQL.
                ================================================================================
                """,
                elapsed.toMillis() / 1000.0,
                stack.startTimes(),
                base,
                base,
                base,
                base,
                stack.keycloakUrl(),
                stack.keycloakUrl(),
                StackProfile.KEYCLOAK_ADMIN_USERNAME,
                profile.keycloakAdminPassword(),
                profile.objectStorageUrl(),
                ObjectStorageServer.BUCKET,
                ObjectStorageServer.ACCESS_KEY,
                profile.objectStorageSecret(),
                profile.smtpPort(),
                profile.mailApiUrl(),
                profile.imapPort(),
                stripeLines(stack),
                StackProfile.OPERATOR_USERNAME,
                profile.operatorPassword(),
                StackProfile.CLI_CLIENT_ID,
                StackProfile.OPERATOR_USERNAME,
                profile.operatorPassword(),
                stack.issuer(),
                StackProfile.PLATFORM_CLIENT_ID,
                profile.platformClientSecret());
    }
}
