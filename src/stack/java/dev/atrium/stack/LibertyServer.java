package dev.atrium.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Open Liberty with the Atrium WAR, as the build prepared it in {@code target/liberty/wlp/usr/servers/atrium}.
 * The integration tests run a copy of that server ({@code atrium-it}) with the local JMX connector enabled for
 * Arquillian, so that the development server can keep running beside them.
 */
final class LibertyServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final String BUILT_SERVER = "atrium";

    private final ManagedProcess process;

    private LibertyServer(ManagedProcess process) {
        this.process = process;
    }

    static LibertyServer start(
            StackProfile profile, Path buildDirectory, Path stateDirectory, Map<String, String> serviceEnvironment)
            throws IOException {
        return start(profile, buildDirectory, stateDirectory, serviceEnvironment, true);
    }

    /** Starts the server again after a crash, as it was: the test server keeps its deployments and logs. */
    static LibertyServer restart(
            StackProfile profile, Path buildDirectory, Path stateDirectory, Map<String, String> serviceEnvironment)
            throws IOException {
        return start(profile, buildDirectory, stateDirectory, serviceEnvironment, false);
    }

    private static LibertyServer start(
            StackProfile profile,
            Path buildDirectory,
            Path stateDirectory,
            Map<String, String> serviceEnvironment,
            boolean fresh)
            throws IOException {
        Path wlp = buildDirectory.resolve("liberty/wlp");
        Path built = wlp.resolve("usr/servers").resolve(BUILT_SERVER);
        if (!Files.exists(built.resolve("apps/atrium.war"))) {
            throw new IllegalStateException("No Liberty server with the WAR in " + built + "; run the build first.");
        }
        if (fresh && !profile.libertyServerName().equals(BUILT_SERVER)) {
            prepareTestServer(built, wlp.resolve("usr/servers").resolve(profile.libertyServerName()));
        }
        wlp.resolve("bin/server").toFile().setExecutable(true);

        Map<String, String> environment = new HashMap<>(serviceEnvironment);
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("HTTP_PORT", Integer.toString(profile.httpPort()));
        environment.put("HTTPS_PORT", Integer.toString(profile.httpsPort()));
        List<String> command =
                List.of(wlp.resolve("bin/server").toString(), "run", profile.libertyServerName(), "--clean");
        ManagedProcess process = ManagedProcess.start("liberty", command, environment, stateDirectory);
        try {
            Readiness.await(process, profile.baseUrl() + "/health", START_TIMEOUT);
            process.recordPids();
        } catch (RuntimeException | IOException failed) {
            process.close();
            throw failed;
        }
        return new LibertyServer(process);
    }

    /**
     * A fresh copy of the built server, plus what Arquillian needs to deploy into it: the local JMX connector, MBean
     * triggered updates and the Servlet API for its test-runner servlet. None of it is in the production server.
     */
    private static void prepareTestServer(Path built, Path testServer) throws IOException {
        KeycloakServer.deleteTree(testServer);
        Files.createDirectories(testServer);
        for (String entry :
                List.of("server.xml", "jvm.options", "bootstrap.properties", "apps", "jdbc", "configDropins")) {
            Path source = built.resolve(entry);
            if (Files.isDirectory(source)) {
                KeycloakServer.copyTree(source, testServer.resolve(entry));
            } else if (Files.exists(source)) {
                Files.copy(source, testServer.resolve(entry));
            }
        }
        Path overrides = Files.createDirectories(testServer.resolve("configDropins/overrides"));
        Files.writeString(overrides.resolve("integration-tests.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <server>
                    <featureManager>
                        <feature>localConnector-1.0</feature>
                    </featureManager>
                    <applicationMonitor updateTrigger="mbean" dropinsEnabled="true"/>
                </server>
                """);
    }

    /**
     * A second replica of the application (for measurements across replicas): a copy of the built server under its own
     * name and ports, with the same configuration, sharing the database and every other service.
     */
    static LibertyServer startReplica(
            Path buildDirectory,
            Path stateDirectory,
            Map<String, String> serviceEnvironment,
            int httpPort,
            int httpsPort)
            throws IOException {
        Path servers = buildDirectory.resolve("liberty/wlp/usr/servers");
        String name = "atrium-replica";
        KeycloakServer.deleteTree(servers.resolve(name));
        Files.createDirectories(servers.resolve(name));
        for (String entry : List.of("server.xml", "jvm.options", "bootstrap.properties", "apps", "jdbc")) {
            Path source = servers.resolve(BUILT_SERVER).resolve(entry);
            if (Files.isDirectory(source)) {
                KeycloakServer.copyTree(source, servers.resolve(name).resolve(entry));
            } else if (Files.exists(source)) {
                Files.copy(source, servers.resolve(name).resolve(entry));
            }
        }
        Map<String, String> environment = new HashMap<>(serviceEnvironment);
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("HTTP_PORT", Integer.toString(httpPort));
        environment.put("HTTPS_PORT", Integer.toString(httpsPort));
        List<String> command =
                List.of(buildDirectory.resolve("liberty/wlp/bin/server").toString(), "run", name, "--clean");
        ManagedProcess process =
                ManagedProcess.start("liberty-replica", command, environment, stateDirectory.resolve("replica"));
        try {
            Readiness.await(process, "http://localhost:" + httpPort + "/health", START_TIMEOUT);
            process.recordPids();
        } catch (RuntimeException | IOException failed) {
            process.close();
            throw failed;
        }
        return new LibertyServer(process);
    }

    long pid() {
        return process.javaPid();
    }

    void stop() {
        process.close();
    }

    /** Kills the server at once (SIGKILL): whatever it had not finished is lost, as in a crash. */
    void kill() {
        process.kill();
    }

    ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
