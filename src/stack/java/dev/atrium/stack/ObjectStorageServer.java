package dev.atrium.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * S3Proxy (from Maven Central) with its filesystem back end: a real S3 API server (signature v2 and v4, presigned
 * URLs, ranges) that keeps objects as files under {@code target/stack/<profile>/objects}. The application reaches it
 * through the AWS SDK exactly as it would reach AWS S3, MinIO or Ceph.
 */
final class ObjectStorageServer implements AutoCloseable {

    static final String BUCKET = "atrium-media";
    static final String ACCESS_KEY = "atrium";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(1);

    private final ManagedProcess process;

    private ObjectStorageServer(ManagedProcess process) {
        this.process = process;
    }

    static ObjectStorageServer start(StackProfile profile, Path buildDirectory, Path stateDirectory)
            throws IOException {
        Path jar = buildDirectory.resolve("stack-servers/s3proxy.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No S3Proxy at " + jar + "; run the build first (./mvnw package).");
        }
        Path objects = stateDirectory.resolve("objects").toAbsolutePath();
        if (profile.cleanState()) {
            KeycloakServer.deleteTree(objects);
        }
        // With the filesystem back end a bucket is a folder: the application's bucket exists from the start.
        Files.createDirectories(objects.resolve(BUCKET));
        Path configuration = stateDirectory.resolve("s3proxy.properties");
        Files.writeString(
                configuration,
                String.join(
                        "\n",
                        "s3proxy.endpoint=http://127.0.0.1:" + profile.objectStoragePort(),
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + profile.objectStorageSecret(),
                        "s3proxy.cors-allow-all=true",
                        "jclouds.provider=filesystem-nio2",
                        "jclouds.filesystem.basedir=" + objects,
                        ""));
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar.toString(),
                "--properties",
                configuration.toAbsolutePath().toString());
        ManagedProcess process = ManagedProcess.start("objects", command, Map.of(), stateDirectory);
        try {
            Readiness.awaitAnyAnswer(process, profile.objectStorageUrl() + "/", START_TIMEOUT);
        } catch (RuntimeException failed) {
            process.close();
            throw failed;
        }
        return new ObjectStorageServer(process);
    }

    ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
