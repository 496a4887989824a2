package dev.atrium.testing;

import dev.atrium.stack.LocalStack;
import dev.atrium.stack.StackProfile;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the test system (PostgreSQL, Keycloak, Liberty with the WAR) once before the integration tests and stops
 * it after them, whether they pass or fail. Only active when failsafe sets {@code atrium.stack=test}; unit tests
 * run without it.
 */
public class TestSystemListener implements LauncherSessionListener {

    private LocalStack stack;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"test".equals(System.getProperty("atrium.stack")) || stack != null) {
            return;
        }
        Path build = Path.of(System.getProperty("atrium.build.directory", "target"));
        Path project = Path.of(System.getProperty("atrium.project.directory", "."));
        try {
            long begin = System.nanoTime();
            stack = new LocalStack(StackProfile.TEST);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "test-system-shutdown"));
            stack.start(build, project);
            System.out.printf(
                    "[test-system] ready in %.1f s: %s%n", (System.nanoTime() - begin) / 1e9, stack.startTimes());
            TestSystem.use(stack);
        } catch (Exception failed) {
            throw new IllegalStateException("The test system did not start", failed);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
