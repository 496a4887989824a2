package dev.atrium.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A child process of the local system, with its output in a log file and its process ids in a pid file.
 *
 * <p>The pid file is what lets a second run work after the first was killed hard (SIGKILL gives no chance to clean
 * up): before starting, whatever the previous run's pid file names is stopped.
 */
final class ManagedProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    private ManagedProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path stateDirectory)
            throws IOException {
        Files.createDirectories(stateDirectory);
        Path pidFile = stateDirectory.resolve(name + ".pid");
        Path logFile = stateDirectory.resolve(name + ".log");
        stopLeftoverFrom(name, pidFile);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(environment);
        Process process = builder.start();
        ManagedProcess managed = new ManagedProcess(name, process, logFile, pidFile);
        managed.recordPids();
        return managed;
    }

    /** Records the process and its descendants (a launcher script may have started the real JVM). */
    void recordPids() throws IOException {
        String pids = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .map(handle -> Long.toString(handle.pid()))
                .collect(Collectors.joining("\n"));
        Files.writeString(pidFile, pids + "\n");
    }

    /** The JVM's process id: the launcher script's java child, or the process itself. */
    long javaPid() {
        return process.descendants()
                .filter(handle -> handle.info()
                        .command()
                        .map(command -> command.endsWith("java"))
                        .orElse(false))
                .findFirst()
                .orElse(process.toHandle())
                .pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle()))
                .toList();
        stop(tree);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // A stale pid file only names processes that no longer run; the next start checks before acting.
        }
    }

    /** Kills the process and its descendants at once (SIGKILL), as a crash would: for tests of crash recovery. */
    void kill() {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle()))
                .toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        tree.forEach(handle -> handle.onExit().join());
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // As in close().
        }
    }

    /** Stops what an earlier run's pid file for {@code name} names, if any of it still runs. */
    static void stopLeftover(String name, Path stateDirectory) throws IOException {
        stopLeftoverFrom(name, stateDirectory.resolve(name + ".pid"));
    }

    private static void stopLeftoverFrom(String name, Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        // Only processes of this checkout: a pid file copied with another checkout's target/ names that checkout's
        // servers, and a pid may have been reused by an unrelated process since.
        Path buildDirectory = pidFile.toAbsolutePath().getParent().getParent().getParent();
        List<ProcessHandle> alive = Files.readAllLines(pidFile).stream()
                .filter(line -> !line.isBlank())
                .map(line -> ProcessHandle.of(Long.parseLong(line.trim())))
                .flatMap(java.util.Optional::stream)
                .filter(ProcessHandle::isAlive)
                .toList();
        List<ProcessHandle> leftovers = alive.stream()
                .filter(handle -> runsFrom(handle, buildDirectory))
                .toList();
        if (leftovers.size() < alive.size()) {
            System.out.printf(
                    "[stack] %s's pid file names processes of another checkout or program; leaving them alone%n", name);
        }
        if (!leftovers.isEmpty()) {
            System.out.printf("[stack] stopping %s left over from an earlier run (pids %s)%n", name, leftovers);
            stop(leftovers);
        }
        Files.deleteIfExists(pidFile);
    }

    /** Whether the process was started from the given build directory (its command line names that path). */
    static boolean runsFrom(ProcessHandle process, Path buildDirectory) {
        String root = buildDirectory.toAbsolutePath().normalize().toString();
        return process.info()
                .commandLine()
                .map(line -> line.contains(root + "/"))
                .orElse(false);
    }

    /** SIGTERM first so that servers shut down cleanly, SIGKILL for whatever is still there after the grace time. */
    private static void stop(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : processes) {
            long remaining = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
            }
        }
    }
}
