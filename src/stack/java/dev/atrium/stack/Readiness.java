package dev.atrium.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/** Waits for a started process to answer on an HTTP URL, failing fast if the process dies first. */
final class Readiness {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Readiness() {}

    static void await(ManagedProcess process, String url, Duration timeout) {
        await(process, url, timeout, false);
    }

    /** Waits for any HTTP answer at all, for a server that answers its root only to signed requests (S3). */
    static void awaitAnyAnswer(ManagedProcess process, String url, Duration timeout) {
        await(process, url, timeout, true);
    }

    private static void await(ManagedProcess process, String url, Duration timeout, boolean anyStatus) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited during start-up.\n" + tail(process));
            }
            try {
                int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200 || anyStatus) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + process.name());
            }
            sleep();
        }
        throw new IllegalStateException(
                process.name() + " was not ready at " + url + " within " + timeout + ".\n" + tail(process));
    }

    private static String tail(ManagedProcess process) {
        try {
            List<String> lines = Files.readAllLines(process.logFile());
            return "Last lines of " + process.logFile() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | RuntimeException unreadable) {
            return "See " + process.logFile();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
