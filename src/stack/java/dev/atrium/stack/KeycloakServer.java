package dev.atrium.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Keycloak server distribution (unpacked by the build into {@code target/keycloak-dist}) run in
 * development mode with the {@code atrium} realm imported from {@code src/main/keycloak/atrium-realm-import.yaml}
 * (the Kubernetes {@code KeycloakRealmImport}, so that the realm has one definition). Its {@code ${...}}
 * placeholders are filled by Keycloak from the environment given here.
 */
final class KeycloakServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final ManagedProcess process;

    private KeycloakServer(ManagedProcess process) {
        this.process = process;
    }

    /** @param mail the mail server settings ({@code ATRIUM_MAIL_*}) that fill the realm's SMTP placeholders */
    static KeycloakServer start(
            StackProfile profile,
            Path buildDirectory,
            Path projectDirectory,
            Path stateDirectory,
            Map<String, String> mail)
            throws IOException {
        Path home = stateDirectory.resolve("keycloak");
        if (!Files.exists(home.resolve("bin/kc.sh"))) {
            copyTree(distribution(buildDirectory), home);
        }
        if (profile.cleanState()) {
            deleteTree(home.resolve("data"));
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.writeString(
                imports.resolve("atrium-realm.json"),
                realmOf(projectDirectory.resolve("src/main/keycloak/atrium-realm-import.yaml")));
        Path themes = projectDirectory.resolve("src/main/keycloak/themes");
        if (Files.isDirectory(themes)) {
            copyTree(themes, home.resolve("themes"));
        }
        home.resolve("bin/kc.sh").toFile().setExecutable(true);

        List<String> command = List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-port=" + profile.keycloakPort(),
                "--http-management-port=" + profile.keycloakManagementPort(),
                "--import-realm",
                "--spi-theme--cache-themes=false");
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", StackProfile.KEYCLOAK_ADMIN_USERNAME,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", profile.keycloakAdminPassword(),
                "ATRIUM_OPERATOR_PASSWORD", profile.operatorPassword(),
                "ATRIUM_PLATFORM_CLIENT_SECRET", profile.platformClientSecret()));
        // Every SMTP placeholder of the realm gets a value: an unset one would be imported as its literal ${...}.
        environment.put("ATRIUM_MAIL_HOST", mail.getOrDefault("ATRIUM_MAIL_HOST", "localhost"));
        environment.put("ATRIUM_MAIL_PORT", mail.getOrDefault("ATRIUM_MAIL_PORT", "25"));
        environment.put("ATRIUM_MAIL_FROM", mail.getOrDefault("ATRIUM_MAIL_FROM", profile.mailFrom()));
        environment.put("ATRIUM_MAIL_USERNAME", mail.getOrDefault("ATRIUM_MAIL_USERNAME", ""));
        environment.put("ATRIUM_MAIL_PASSWORD", mail.getOrDefault("ATRIUM_MAIL_PASSWORD", ""));
        environment.put(
                "ATRIUM_MAIL_AUTH",
                Boolean.toString(!mail.getOrDefault("ATRIUM_MAIL_USERNAME", "").isEmpty()));
        environment.put("ATRIUM_MAIL_STARTTLS", mail.getOrDefault("ATRIUM_MAIL_STARTTLS", "false"));
        ManagedProcess process = ManagedProcess.start("keycloak", command, environment, stateDirectory);
        try {
            Readiness.await(process, profile.issuer() + "/.well-known/openid-configuration", START_TIMEOUT);
            process.recordPids();
        } catch (RuntimeException | IOException failed) {
            process.close();
            throw failed;
        }
        return new KeycloakServer(process);
    }

    /** The realm representation ({@code spec.realm}) of the realm import, as the JSON that Keycloak imports. */
    @SuppressWarnings("unchecked")
    static String realmOf(Path realmImport) throws IOException {
        Map<String, Object> document = new org.yaml.snakeyaml.Yaml(
                        new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()))
                .load(Files.readString(realmImport));
        Map<String, Object> spec = (Map<String, Object>) document.get("spec");
        return jakarta.json.Json.createObjectBuilder((Map<String, Object>) spec.get("realm"))
                .build()
                .toString();
    }

    private static Path distribution(Path buildDirectory) throws IOException {
        Path unpacked = buildDirectory.resolve("keycloak-dist");
        try (Stream<Path> entries = Files.list(unpacked)) {
            return entries.filter(path -> path.getFileName().toString().startsWith("keycloak-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No Keycloak distribution in " + unpacked + "; run the build's package phase first."));
        }
    }

    static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            paths.forEach(path -> {
                Path destination = target.resolve(source.relativize(path).toString());
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(
                                path,
                                destination,
                                StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
