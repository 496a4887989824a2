package dev.atrium.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * GreenMail standalone (from Maven Central): a real SMTP server that keeps every message it receives, readable over
 * IMAP (any login, any password) and over its HTTP API ({@code /api/user/<address>/messages/}). Everything the
 * application and Keycloak send locally lands here; nothing leaves the machine.
 */
final class MailServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(1);

    private final ManagedProcess process;

    private MailServer(ManagedProcess process) {
        this.process = process;
    }

    static MailServer start(StackProfile profile, Path buildDirectory, Path stateDirectory) throws IOException {
        Path jar =
                buildDirectory.resolve("stack-servers/greenmail-standalone.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No GreenMail at " + jar + "; run the build first (./mvnw package).");
        }
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-Dgreenmail.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + profile.smtpPort(),
                "-Dgreenmail.imap.port=" + profile.imapPort(),
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + profile.mailApiPort(),
                "-jar",
                jar.toString());
        ManagedProcess process = ManagedProcess.start("mail", command, Map.of(), stateDirectory);
        try {
            Readiness.await(process, profile.mailApiUrl() + "/api/service/readiness", START_TIMEOUT);
        } catch (RuntimeException failed) {
            process.close();
            throw failed;
        }
        return new MailServer(process);
    }

    ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
