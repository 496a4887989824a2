package dev.atrium.platform.tenancy.application;

import dev.atrium.platform.audit.Actor;
import dev.atrium.platform.config.DevelopmentMode;
import dev.atrium.platform.tenancy.domain.TenantRef;
import dev.atrium.platform.tenancy.domain.TenantSchemas;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the platform does for its tenants at start-up, in the background once the platform schema is migrated:
 * brings every tenant schema to the current migration level, then applies the tenant definitions (tenants as code)
 * from {@code atrium.tenants.directory}. A definition that fails (Keycloak not up yet, say) is retried a few times.
 * The start-up health check stays DOWN until this has run, so traffic and the development banner wait for it.
 */
@ApplicationScoped
public class TenantStartup {

    private static final Logger LOG = Logger.getLogger(TenantStartup.class.getName());

    @Inject
    TenantDirectory directory;

    @Inject
    TenantSchemas schemas;

    @Inject
    TenantDefinitions definitions;

    @Inject
    DevelopmentMode developmentMode;

    @Inject
    TenantStartup self;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "atrium.tenants.directory")
    Optional<String> definitionsDirectory;

    @Inject
    @ConfigProperty(name = "atrium.tenants.apply.attempts", defaultValue = "12")
    int attempts;

    @Inject
    @ConfigProperty(name = "atrium.tenants.apply.retry-delay-ms", defaultValue = "5000")
    long retryDelayMillis;

    private volatile boolean finished;
    private final Map<String, String> outcomes = new LinkedHashMap<>();

    void onStart(
            @Observes @Priority(Interceptor.Priority.APPLICATION + 600) @Initialized(ApplicationScoped.class)
                    Object started) {
        executor.submit(() -> self.run());
    }

    @ActivateRequestContext
    public void run() {
        try {
            upgradeSchemas();
            definitionsDirectory.map(Path::of).ifPresent(this::applyDefinitions);
        } catch (RuntimeException failure) {
            LOG.log(Level.SEVERE, "Tenant start-up work failed", failure);
            record("start-up", "failed: " + failure.getMessage());
        } finally {
            finished = true;
        }
    }

    private void upgradeSchemas() {
        List<TenantRef> tenants = directory.withSchemas();
        for (TenantRef tenant : tenants) {
            String version = schemas.migrate(tenant.schemaName());
            directory.recordSchemaVersion(tenant.slug(), version);
        }
        LOG.info(() -> "Tenant schemas migrated: " + tenants.size());
    }

    private void applyDefinitions(Path folder) {
        List<Path> files = definitionFiles(folder);
        List<Path> pending = new ArrayList<>(files);
        for (int attempt = 1; attempt <= attempts && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                pause();
            }
            List<Path> failed = new ArrayList<>();
            for (Path file : pending) {
                if (!apply(file, attempt == attempts)) {
                    failed.add(file);
                }
            }
            pending = failed;
        }
        LOG.info(() -> "Tenant definitions in " + folder + ": " + outcomes);
    }

    /** @return whether the file is done with (applied, or wrong in a way that retrying cannot fix) */
    private boolean apply(Path file, boolean lastAttempt) {
        String name = file.getFileName().toString();
        try {
            TenantDefinition definition = definitions.parse(Files.readString(file, StandardCharsets.UTF_8));
            TenantDefinitions.Applied applied = definitions.apply(
                    definition, Actor.TENANTS_AS_CODE, file.toAbsolutePath().getParent());
            record(name, applied.outcome().name().toLowerCase(java.util.Locale.ROOT));
            // A temporary password exists only in development mode (DevelopmentSettings refuses it elsewhere).
            if (developmentMode.isOn()
                    && applied.firstAdmin() != null
                    && applied.firstAdmin().temporaryPassword() != null) {
                LOG.info(() -> "Tenant " + applied.tenant().slug() + ": first admin "
                        + applied.firstAdmin().email() + " signs in with temporary password "
                        + applied.firstAdmin().temporaryPassword());
            }
            return true;
        } catch (IOException unreadable) {
            record(name, "unreadable: " + unreadable.getMessage());
            return true;
        } catch (RuntimeException failed) {
            boolean permanent =
                    failed instanceof dev.atrium.platform.errors.AtriumException problem && problem.status() < 500;
            if (permanent || lastAttempt) {
                LOG.log(Level.SEVERE, "Tenant definition " + file + " could not be applied", failed);
                record(name, "failed: " + failed.getMessage());
                return true;
            }
            LOG.warning(() -> "Tenant definition " + file + " not applied yet (" + failed.getMessage() + "); retrying");
            return false;
        }
    }

    private static List<Path> definitionFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            LOG.warning(() -> "Tenant definitions directory " + folder + " does not exist; nothing to apply");
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(TenantStartup::isDefinition).sorted().toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Every YAML file but Kustomize's own, which sits beside the definitions to deliver them on Kubernetes. */
    static boolean isDefinition(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith("kustomization.");
    }

    private void pause() {
        try {
            Thread.sleep(retryDelayMillis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while applying tenant definitions", interrupted);
        }
    }

    private synchronized void record(String what, String outcome) {
        outcomes.put(what, outcome);
    }

    public boolean isFinished() {
        return finished;
    }

    public synchronized Map<String, String> outcomes() {
        return Map.copyOf(outcomes);
    }
}
