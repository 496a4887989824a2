package dev.atrium.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The Kustomize binary the build downloads into {@code target/tools/kustomize}. */
final class Kustomize {

    private final Path binary;

    private Kustomize(Path binary) {
        this.binary = binary;
    }

    static Kustomize installed(Path buildDirectory) {
        Path binary = buildDirectory.resolve("tools/kustomize/package/kustomize-linux-x64");
        if (!Files.isRegularFile(binary)) {
            throw new IllegalStateException("Kustomize is not installed at " + binary
                    + "; the build downloads it in generate-test-resources (./mvnw verify)");
        }
        binary.toFile().setExecutable(true);
        return new Kustomize(binary);
    }

    /** {@code kustomize build} of a directory. @return the rendered multi-document YAML */
    String build(Path directory) {
        try {
            Path output = Files.createTempFile("kustomize", ".yaml");
            Path errors = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(binary.toString(), "build", directory.toString())
                    .redirectOutput(output.toFile())
                    .redirectError(errors.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("kustomize build " + directory + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kustomize build " + directory + " failed: "
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
